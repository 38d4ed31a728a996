/** Settings of the widget (no tfjs here, so that the page script can import them). */
import type { ParamSpec } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/js-saturation.astro), its tag and its worker. */
export const id = 'js-saturation';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 200 };
export const specs: ParamSpec[] = [
  { name: 'sigma', label: 'Width s of both normals', kind: 'number', default: 0.5, min: 0.05, max: 5 },
  { name: 'max_offset', label: 'Largest offset', kind: 'number', default: 4, min: 0.5, max: 20 },
  { name: 'n_offsets', label: 'Offsets in the sweep', kind: 'number', default: 17, min: 2, max: 81, integer: true },
  { name: 'd_steps', label: 'D steps per offset', kind: 'number', default: 100, min: 1, max: 2000, integer: true },
  { name: 'lr', label: 'D learning rate (Adam)', kind: 'number', default: 0.01, min: 0, minExclusive: true, max: 1 },
  { name: 'batch', label: 'Batch size', kind: 'number', default: 128, min: 4, max: 2048, integer: true },
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'offset', label: 'offset (last measured)', digits: 3 },
  { name: 'jsd', label: 'JS (nats)', digits: 4 },
  { name: 'w1', label: 'W1', digits: 3 },
  { name: 'kl', label: 'KL', digits: 4 },
  { name: 'grad_norm', label: '|generator gradient|, minimax', digits: 3 },
  { name: 'grad_ns', label: '|gradient|, non-saturating', digits: 3 },
];
