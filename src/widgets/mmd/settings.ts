/** Settings of the mmd widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { mixtureError } from '../../lib/density/mixture';
import { numberListError } from '../../lib/number-list';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/mmd.astro), its tag and its worker. */
export const id = 'mmd';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 50 };

const MAX_POINTS = 500;

const pointsError = (s: string) => numberListError(s, { min: 2, max: MAX_POINTS, bound: 1000, fewHint: 'or leave empty to sample from the distribution' });

export const specs: ParamSpec[] = [
  { name: 'p', label: 'Distribution P', kind: 'text', default: 'N(0, 1)', maxLength: 400, validate: mixtureError, wide: true },
  { name: 'q', label: 'Distribution Q', kind: 'text', default: '0.5 N(-1, 0.3) + 0.5 N(1, 0.3)', maxLength: 400, validate: mixtureError, wide: true },
  { name: 'points_p', label: 'Or my sample from P (comma-separated)', kind: 'text', default: '', maxLength: 8000, validate: pointsError, wide: true },
  { name: 'points_q', label: 'Or my sample from Q (comma-separated)', kind: 'text', default: '', maxLength: 8000, validate: pointsError, wide: true },
  { name: 'n', label: 'Sample size (each)', kind: 'number', default: 100, min: 2, max: MAX_POINTS, integer: true },
  { name: 'bandwidth', label: 'Kernel bandwidth h', kind: 'number', default: 1, min: 0, minExclusive: true, max: 100 },
  { name: 'perms', label: 'Permutations per step', kind: 'number', default: 20, min: 1, max: 500, integer: true },
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
