/**
 * Settings of the optimal-discriminator widget, kept apart from the model so that the page can
 * import them without pulling tfjs into its bundle (the model runs in the worker).
 */
import { type ParamSpec, SEED_SPEC, choice, lrSpec, batchSpec, hiddenSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { mixtureSpec } from '../../lib/density/mixture';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/optimal-discriminator.astro), its tag and its worker. */
export const id = 'optimal-discriminator';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 300 };

export const OPTD_PRESETS: Record<string, { label: string; pdata: string; pg: string }> = {
  overlap: { label: 'Overlapping Gaussians', pdata: 'N(-1, 1)', pg: 'N(1, 1)' },
  far: { label: 'Far apart', pdata: 'N(-3, 0.5)', pg: 'N(3, 0.5)' },
  mixture_uniform: { label: 'Mixture vs uniform', pdata: '0.5 N(-1.5, 0.4) + 0.5 N(1.5, 0.4)', pg: 'U(-3.5, 3.5)' },
  identical: { label: 'Identical (p_g = p_data)', pdata: '0.3 N(-2, 0.5) + 0.7 N(1, 1)', pg: '0.3 N(-2, 0.5) + 0.7 N(1, 1)' },
  bimodal_vs_one: { label: 'Two modes vs one', pdata: '0.3 N(-2, 0.5) + 0.7 N(1, 1)', pg: 'N(0, 1.5)' },
};

export const DEFAULT_PDATA = OPTD_PRESETS.mixture_uniform.pdata;
export const DEFAULT_PG = OPTD_PRESETS.mixture_uniform.pg;

export const specs: ParamSpec[] = [
  mixtureSpec('pdata', 'p_data (e.g. 0.3 N(-2, 0.5) + 0.7 U(0, 3))', DEFAULT_PDATA),
  mixtureSpec('pg', 'p_g, the frozen generator', DEFAULT_PG),
  lrSpec(0.02, 1, { label: 'Learning rate of D (Adam)', live: true, help: 'Adam step size for the discriminator; greater than 0 and at most 1.' }),
  hiddenSpec(64, { min: 2, max: 128, label: 'Hidden units per layer of D' }),
  batchSpec(1024, { min: 1, max: 2048, label: 'Minibatch (samples from each)' }),
  choice('training', 'What D is trained on', 'minibatch', {
    minibatch: 'Minibatches from both (as in Algorithm 4.1)',
    quadrature: "Exact expected loss by quadrature (no sampling noise; not the paper's algorithm)",
  }),
  choice(
    'sampling',
    'How each minibatch is drawn',
    'stratified',
    {
      stratified: 'Stratified: every draw from its distribution, spread evenly over its quantiles',
      iid: 'Independent draws (what Algorithm 4.1 specifies)',
    },
    { live: true },
  ),
  choice('schedule', 'Learning-rate schedule', 'constant', { constant: 'Constant', decay: 'Decaying: lr / (1 + t / 300), at least lr / 20' }, { live: true }),
  choice('init', 'First layer of D starts as', 'multiscale', {
    multiscale: "Steps at the pair's scales (narrowest component to whole range)",
    glorot: 'Glorot uniform (range-wide steps only)',
  }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'value', label: 'V(D, G)', digits: 5, title: 'Value of the current discriminator, by numerical integration against both densities' },
  { name: 'value_optimal', label: '−log 4 + 2 JS', digits: 5, title: 'C(G): the value of the optimal discriminator D*' },
  { name: 'jsd', label: 'JS (nats)', digits: 4, title: 'Jensen-Shannon divergence between p_data and p_g' },
  { name: 'max_gap', label: 'max |D − D*|', digits: 3, title: 'Largest gap over the smallest region holding 99% of the mass of (p_data + p_g) / 2, leaving out a band of 0.5% of the range at each density jump' },
];
