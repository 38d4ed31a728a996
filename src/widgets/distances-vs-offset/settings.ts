/** Settings of the distances-vs-offset widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC, num, lrSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/distances-vs-offset.astro), its tag and its worker. */
export const id = 'distances-vs-offset';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };

export const specs: ParamSpec[] = [
  num('theta0', 'Start theta', 1.5, { min: -5, max: 5 }),
  lrSpec(0.05, 1, { label: 'Step size' }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'theta_w1', label: 'θ under W1 descent', digits: 4 },
  { name: 'theta_js', label: 'θ under JS descent', digits: 4 },
  { name: 'w1', label: 'W1 at the JS θ', digits: 4 },
  { name: 'jsd', label: 'JS at the JS θ', digits: 4 },
  { name: 'kl', label: 'KL at the JS θ' },
];

export interface DistancesView {
  thetas: Float32Array;
  w1: Float32Array;
  js: Float32Array;
  thetaW: number;
  thetaJs: number;
  pathW: Float32Array;
}
