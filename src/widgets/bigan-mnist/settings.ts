/** Settings of the bigan-mnist widget (no tfjs here: the page imports this file). */
import type { ParamSpec } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/bigan-mnist.astro), its tag and its worker. */
export const id = 'bigan-mnist';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, needsMnist: true, steps: 30 };

export const specs: ParamSpec[] = [
  { name: 'latent', label: 'Code size', kind: 'number', default: 16, min: 2, max: 64, integer: true },
  { name: 'hidden', label: 'Hidden units', kind: 'number', default: 256, min: 16, max: 512, integer: true },
  { name: 'lr', label: 'Learning rate', kind: 'number', default: 0.0002, min: 0, minExclusive: true, max: 0.01 },
  { name: 'batch', label: 'Batch size', kind: 'number', default: 64, min: 8, max: 256, integer: true },
  { name: 'probe_every', label: 'Re-fit the probe every (steps)', kind: 'number', default: 200, min: 20, max: 5000, integer: true },
  SEED_SPEC,
];
