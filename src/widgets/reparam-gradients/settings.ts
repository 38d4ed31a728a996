/** Settings of the reparam-gradients widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC, num, int, rate, choice, flag } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/reparam-gradients.astro), its tag and its worker. */
export const id = 'reparam-gradients';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 500 };

export interface TestFunction {
  label: string;
  f: (z: number) => number;
  df: (z: number) => number;
  /** Exact d/dmu E[f(z)] when a closed form exists. */
  exact?: (mu: number, sigma: number) => number;
}

const sig = (x: number) => 1 / (1 + Math.exp(-x));

export const TEST_FUNCTIONS: Record<string, TestFunction> = {
  square: { label: 'f(z) = z²', f: (z) => z * z, df: (z) => 2 * z, exact: (mu) => 2 * mu },
  sin: { label: 'f(z) = sin z', f: Math.sin, df: Math.cos, exact: (mu, s) => Math.cos(mu) * Math.exp((-s * s) / 2) },
  step: { label: 'f(z) = sigmoid(10 z) (a soft step)', f: (z) => sig(10 * z), df: (z) => 10 * sig(10 * z) * (1 - sig(10 * z)) },
};

export const specs: ParamSpec[] = [
  choice('f', 'Function f', 'square', Object.entries(TEST_FUNCTIONS).map(([value, t]) => ({ value, label: t.label }))),
  num('mu', 'μ', 0.5, { min: -5, max: 5 }),
  rate('sigma', 'σ', 1, 5),
  int('batch', 'Samples per step', 10, { min: 1, max: 1000 }),
  flag('baseline', 'Score estimator with baseline f(μ)', false),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'grad_exact', label: 'exact gradient', digits: 4, title: 'd/dμ E[f(z)], closed form or quadrature' },
  { name: 'mean_score', label: 'mean, score', digits: 4 },
  { name: 'mean_reparam', label: 'mean, reparam.', digits: 4 },
  { name: 'var_score', label: 'variance, score', digits: 4, title: 'Sample variance of single-sample score-function estimates' },
  { name: 'var_reparam', label: 'variance, reparam.', digits: 4, title: 'Sample variance of single-sample pathwise estimates' },
  { name: 'samples', label: 'samples' },
];

export interface ReparamView {
  exact: number;
  /** Per recorded step: samples so far, running means and their standard errors. */
  n: Float32Array;
  meanScore: Float32Array;
  seScore: Float32Array;
  meanReparam: Float32Array;
  seReparam: Float32Array;
  /** The latest single-sample estimates (up to 2,000 of each) for histograms. */
  recentScore: Float32Array;
  recentReparam: Float32Array;
  /** f and the sampling density on a grid, for the small picture of the problem. */
  xs: Float32Array;
  fx: Float32Array;
  px: Float32Array;
}
