/** Settings of the widget (no tfjs here, so that the page script can import them). */
import type { ParamSpec } from '../params';
import { SEED_SPEC } from '../params';
export const jsSatSpecs: ParamSpec[] = [
  { name: 'sigma', label: 'Width s of both normals', kind: 'number', default: 0.5, min: 0.05, max: 5 },
  { name: 'max_offset', label: 'Largest offset', kind: 'number', default: 4, min: 0.5, max: 20 },
  { name: 'n_offsets', label: 'Offsets in the sweep', kind: 'number', default: 17, min: 2, max: 81, integer: true },
  { name: 'd_steps', label: 'D steps per offset', kind: 'number', default: 100, min: 1, max: 2000, integer: true },
  { name: 'lr', label: 'D learning rate (Adam)', kind: 'number', default: 0.01, min: 0, minExclusive: true, max: 1 },
  { name: 'batch', label: 'Batch size', kind: 'number', default: 128, min: 4, max: 2048, integer: true },
  SEED_SPEC,
];
