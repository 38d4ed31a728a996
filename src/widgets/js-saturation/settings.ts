/** Settings of the widget (no tfjs here, so that the page script can import them). */
import { type ParamSpec, SEED_SPEC, num, int, lrSpec, batchSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/js-saturation.astro), its tag and its worker. */
export const id = 'js-saturation';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 200 };
export const specs: ParamSpec[] = [
  num('sigma', 'Width s of both normals', 0.5, { min: 0.05, max: 5 }),
  num('max_offset', 'Largest offset', 4, { min: 0.5, max: 20 }),
  int('n_offsets', 'Offsets in the sweep', 17, { min: 2, max: 81 }),
  int('d_steps', 'D steps per offset', 100, { min: 1, max: 2000 }),
  lrSpec(0.01, 1, { label: 'D learning rate (Adam)' }),
  batchSpec(128, { min: 4, max: 2048 }),
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
