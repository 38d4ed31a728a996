/** Settings of the mmd widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC, int, rate, text } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { mixtureSpec } from '../../lib/density/mixture';
import { numberListError } from '../../lib/number-list';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/mmd.astro), its tag and its worker. */
export const id = 'mmd';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 50 };

const MAX_POINTS = 500;

const pointsError = (s: string) => numberListError(s, { min: 2, max: MAX_POINTS, bound: 1000, fewHint: 'or leave empty to sample from the distribution' });

export const specs: ParamSpec[] = [
  mixtureSpec('p', 'Distribution p', 'N(0, 1)'),
  mixtureSpec('q', 'Distribution q', '0.5 N(-1, 0.3) + 0.5 N(1, 0.3)'),
  text('points_p', 'Or my sample from p (comma-separated)', '', { maxLength: 8000, validate: pointsError, wide: true }),
  text('points_q', 'Or my sample from q (comma-separated)', '', { maxLength: 8000, validate: pointsError, wide: true }),
  int('n', 'Sample size (each)', 100, { min: 2, max: MAX_POINTS }),
  rate('bandwidth', 'Kernel bandwidth h', 1, 100),
  int('perms', 'Permutations per step', 20, { min: 1, max: 500 }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'mmd2', label: 'MMD² (unbiased)', digits: 4 },
  { name: 'p_value', label: 'permutation p-value', digits: 3 },
  { name: 'permutations', label: 'shuffles' },
];

export interface MmdView {
  x: Float32Array;
  y: Float32Array;
  nullStats: Float32Array;
  observed: number;
  grid: Float32Array;
  witness: Float32Array;
}
