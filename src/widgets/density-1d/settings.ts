/** Settings of the density-1d widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC, num, int, choice, text, flag } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { numberListError } from '../../lib/number-list';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/density-1d.astro), its tag and its worker. */
export const id = 'density-1d';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };

export const DENSITY_PRESETS: Record<string, { label: string; mixture: string }> = {
  bimodal: { label: 'Two bumps', mixture: '0.45 N(-2, 0.6) + 0.55 N(1.5, 1)' },
  trimodal: { label: 'Three bumps', mixture: '0.3 N(-3, 0.5) + 0.4 N(0, 0.7) + 0.3 N(3, 0.5)' },
  skewed: { label: 'Skewed', mixture: '0.6 N(-1, 0.5) + 0.3 N(0.5, 1) + 0.1 N(3, 1.5)' },
  uniform: { label: 'Flat block', mixture: 'U(-2, 2)' },
};

export const MAX_POINTS = 2000;

const pointsError = (s: string) => numberListError(s, { max: MAX_POINTS, bound: 100 });

export const specs: ParamSpec[] = [
  choice('preset', 'Data', 'bimodal', [
    ...Object.entries(DENSITY_PRESETS).map(([value, p]) => ({ value, label: p.label })),
    { value: 'custom', label: 'My points' },
  ]),
  int('n', 'Preset sample size', 200, { min: 2, max: MAX_POINTS }),
  text('points', 'My points (comma-separated; click the chart to add)', '', { maxLength: 20000, validate: pointsError, wide: true }),
  choice('method', 'Model', 'em', { em: 'Gaussian mixture (EM)', kde: 'Kernel density' }),
  int('k', 'Components K', 2, { min: 1, max: 10 }),
  num('bandwidth', 'Bandwidth h (KDE)', 0.5, { min: 0.001, max: 20 }),
  flag('learn_bw', 'Learn h by leave-one-out likelihood', true),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'loglik', label: 'mean log-likelihood (nats)', digits: 4, title: 'Average log p(x) per point; leave-one-out for the kernel density' },
  { name: 'heldout_loglik', label: 'held-out log-likelihood (nats)', digits: 4, title: 'Average log p(x) over 20,000 fresh points from the preset density, never used for fitting (presets only)' },
  { name: 'bandwidth', label: 'h', digits: 3 },
  { name: 'n_points', label: 'points' },
];

export interface Density1dView {
  xs: Float32Array;
  density: Float32Array;
  components: Float32Array[];
  points: Float32Array;
  samples: Float32Array | null;
  /** Log-likelihood per step, thinned to at most ~300 points, with the steps they belong to. */
  history: Float32Array;
  historySteps: Float32Array;
  method: 'em' | 'kde';
  message: string | null;
}
