/** Settings of the widget (no tfjs here, so that the page script can import them). */
import { type ParamSpec, SEED_SPEC, num, rate, choice, lrSpec, batchSpec, hiddenSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { mixtureSpec } from '../../lib/density/mixture';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/w1-1d.astro), its tag and its worker. */
export const id = 'w1-1d';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 100 };
export const W1_PRESETS: Record<string, { label: string; real: string; fake: string }> = {
  shifted: { label: 'Shifted normal', real: 'N(0, 1)', fake: 'N(3, 1)' },
  bimodal: { label: 'Two bumps vs one', real: '0.5 N(-2, 0.5) + 0.5 N(2, 0.5)', fake: 'N(0, 1)' },
  disjoint: { label: 'Disjoint blocks', real: 'U(-3, -2)', fake: 'U(2, 4)' },
};

export const specs: ParamSpec[] = [
  mixtureSpec('real', 'p_data', W1_PRESETS.bimodal.real),
  mixtureSpec('fake', 'p_θ (model)', W1_PRESETS.bimodal.fake),
  choice('constraint', 'Lipschitz constraint', 'gp1', {
    gp1: 'One-sided gradient penalty (Adam)',
    gp: 'Two-sided gradient penalty (WGAN-GP, Adam)',
    clip: 'Weight clipping (WGAN, RMSProp)',
  }),
  num('lambda', 'Penalty weight lambda', 10, { min: 0, max: 1000, live: true }),
  rate('clip', 'Clip c', 0.05, 10, { live: true }),
  lrSpec(0.01, 0.1, { live: true }),
  batchSpec(128, { min: 4, max: 2048, live: true }),
  hiddenSpec(32, { min: 2, max: 128, label: 'Hidden units (2 layers)' }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'w1_exact', label: 'W1 exact (CDFs)', digits: 4 },
  { name: 'w1_critic', label: 'critic estimate (slope / κ clipped to ±1)', digits: 4, title: 'Largest value of the 1-Lipschitz critics made from f by dividing its slope by κ (K/32 ≤ κ ≤ K) and clipping it to [−1, 1]' },
  { name: 'critic_gap', label: 'critic value E_data f − E_θ f', digits: 4 },
  { name: 'lipschitz', label: 'critic Lipschitz K', digits: 3, title: 'Largest slope of f on a fine grid from the 0.05% to the 99.95% quantile of (p_data + p_θ) / 2, where samples and interpolates fall' },
];
