/**
 * The 2-D GAN playground's settings table, presets and view types, free of tfjs so that the page
 * can import them without loading the training library (the model lives in gan2d.ts).
 */
import { type ParamSpec, type Values, SEED_SPEC, num, int, rate, choice, text, flag, batchSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { Activation } from '../../lib/nn/mlp';
import { TARGET_LABELS, drawnError } from './data';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/gan-2d.astro), its tag and its worker. */
export const id = 'gan-2d';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 200 };

export type LossKind = 'minimax' | 'nonsat' | 'lsgan' | 'wgan-clip' | 'wgan-gp';
export const EVAL_N = 2500;

/** The activations offered for G and D (value: label). */
const actOptions = { relu: 'ReLU', leaky_relu: 'Leaky ReLU', tanh: 'tanh', elu: 'ELU', softplus: 'softplus', sigmoid: 'sigmoid' } satisfies Partial<Record<Activation, string>>;
const optOptions = { adam: 'Adam', rmsprop: 'RMSProp', sgd: 'SGD' };
const lossOptions: { value: LossKind; label: string }[] = [
  { value: 'nonsat', label: 'GAN, non-saturating G loss (-log D)' },
  { value: 'minimax', label: 'GAN, minimax G loss (log(1 - D))' },
  { value: 'lsgan', label: 'Least squares (LSGAN, 0-1 coding)' },
  { value: 'wgan-clip', label: 'WGAN, weight clipping' },
  { value: 'wgan-gp', label: 'WGAN-GP, gradient penalty' },
];

export const specs: ParamSpec[] = [
  choice('target', 'Target', 'ring8', TARGET_LABELS),
  text('points', 'My points ("x y; x y; ..."; draw on the plane)', '', { maxLength: 8000, validate: drawnError, wide: true }),
  choice('loss', 'Loss', 'nonsat', lossOptions),
  flag('compare', 'Side by side with a WGAN', false, {
    help: 'Trains a second model with the WGAN loss below on the same target, settings and seed (with weight clipping it uses RMSProp, as Algorithm 6.1 does).',
  }),
  choice('wgan', 'WGAN for the side-by-side', 'wgan-gp', lossOptions.filter((o) => o.value.startsWith('wgan'))),
  choice('noise_dim', 'Noise dimension', '2', [
    { value: '1', label: '1-D' },
    { value: '2', label: '2-D' },
  ]),
  choice('noise', 'Noise distribution', 'gaussian', { gaussian: 'Gaussian N(0, 1)', uniform: 'Uniform U(-1, 1)' }),
  int('g_layers', 'G hidden layers', 2, { min: 1, max: 4 }),
  int('g_units', 'G units per layer', 32, { min: 2, max: 128 }),
  choice('g_act', 'G activation', 'relu', actOptions),
  int('d_layers', 'D hidden layers', 2, { min: 1, max: 4 }),
  int('d_units', 'D units per layer', 32, { min: 2, max: 128 }),
  choice('d_act', 'D activation', 'relu', actOptions),
  choice('g_opt', 'G optimizer', 'adam', optOptions, { live: true }),
  rate('g_lr', 'G learning rate', 0.001, 1, { live: true }),
  choice('d_opt', 'D optimizer', 'adam', optOptions, { live: true }),
  rate('d_lr', 'D learning rate', 0.001, 1, { live: true }),
  int('k', 'K: D steps per G step (GAN)', 1, { min: 1, max: 20, live: true }),
  int('n_critic', 'n_critic: critic steps per G step (WGAN)', 5, { min: 1, max: 20, live: true }),
  rate('clip', 'c: weight clip (WGAN)', 0.1, 10, { live: true }),
  num('gp', 'λ: gradient penalty (WGAN-GP)', 0.1, { min: 0, max: 100, live: true }),
  batchSpec(64, { min: 1, max: 1024, live: true, label: 'Batch size M' }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'd_loss', label: 'D / critic loss', digits: 4, decimals: 4 },
  { name: 'g_loss', label: 'G loss', digits: 4, decimals: 4 },
  { name: 'modes_covered', label: 'modes covered', title: 'Modes that receive at least a fifth of their fair share of the 2,500 fakes within 3 sigma of the centre (63 on the ring of 8)' },
  { name: 'modes_total', label: 'modes in target' },
  { name: 'high_quality', label: 'high quality (%)', digits: 3, title: 'Percentage of the 2,500 fakes within 3 sigma of some mode' },
  { name: 'mmd', label: 'MMD²', digits: 3, title: 'RBF kernel, median-distance bandwidth; 2,500 fakes vs 2,500 real points' },
  { name: 'js_bound', label: 'JS lower bound (nats)', digits: 3, title: "log 2 − ½ · D's cross-entropy on 2,500 real points and 2,500 fakes: a lower bound on JS(p_data ‖ p_g), equal to it when D = D* (GAN losses only)" },
  { name: 'w_d_loss', label: 'WGAN critic loss', digits: 4, decimals: 4 },
  { name: 'w_modes_covered', label: 'WGAN modes covered' },
  { name: 'w_high_quality', label: 'WGAN high quality (%)', digits: 3 },
  { name: 'w_mmd', label: 'WGAN MMD²', digits: 3 },
  { name: 'steps_per_s', label: 'steps/s', digits: 3 },
];

/** Named starting settings for the component's `preset` prop (values differing from defaults). */
export const GAN2D_PRESETS: Record<string, Values> = {
  default: {},
  // Chapter 5's mode-collapse demo: each changes one setting from the default (tests/unit/gan2d.test.ts).
  'mode-collapse': { noise_dim: '1' },
  'collapse-minimax': { loss: 'minimax' },
  'collapse-g-lr': { g_lr: 0.005 },
  'wgan-vs-gan': { compare: true, wgan: 'wgan-clip' },
  'wgan-clip': { loss: 'wgan-clip', g_opt: 'rmsprop', d_opt: 'rmsprop', g_lr: 0.001, d_lr: 0.001 },
  'wgan-gp': { loss: 'wgan-gp' },
};

/** The param table with a preset's values as its defaults (URL state records changes from it). */
export function gan2dSpecsFor(preset = 'default'): ParamSpec[] {
  const p = GAN2D_PRESETS[preset];
  if (!p) throw new Error(`unknown gan-2d preset "${preset}"; known: ${Object.keys(GAN2D_PRESETS).join(', ')}`);
  return specs.map((s) => (s.name in p ? ({ ...s, default: p[s.name] } as ParamSpec) : s));
}

export const isWgan = (l: LossKind) => l === 'wgan-clip' || l === 'wgan-gp';

export const HEAT_N = 48;
export const ARROWS_N = 120;
export const SHOW_N = 600;
export const HISTORY_MAX = 400;

export interface CoreView {
  loss: LossKind;
  fake: Float32Array;
  heat: Float32Array;
  heatMin: number;
  heatMax: number;
  /** Polylines of the warped z grid: `manifold` holds x, y pairs; `manifoldLines` the point counts. */
  manifold: Float32Array;
  manifoldLines: number[];
  /** Arrow tails (x, y) and the descent direction of G's loss at each (dx, dy). */
  arrows: Float32Array;
  history: { step: Float32Array; d_loss: Float32Array; g_loss: Float32Array; mmd: Float32Array; high_quality: Float32Array; modes: Float32Array; d_loss_eval: Float32Array };
  stage: StageInfo | null;
}

export interface Gan2dView {
  extent: number;
  heatN: number;
  real: Float32Array;
  modes: Float32Array;
  sigma: number;
  cores: CoreView[];
}

export interface StageInfo {
  /** 0-based stage index within one outer iteration and its description. */
  index: number;
  count: number;
  text: string;
  /** Minibatch points to highlight (real and fake), if any. */
  realBatch: Float32Array | null;
  fakeBatch: Float32Array | null;
}

export interface EvalNumbers {
  modes_covered: number;
  high_quality: number;
  mmd: number;
  /** D's loss on the fixed evaluation sets (no penalty term). */
  d_loss_eval: number;
}

