/** Settings of the kl-fit widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC, num, text, lrSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { mixtureError, parseMixture } from '../../lib/density/mixture';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/kl-fit.astro), its tag and its worker. */
export const id = 'kl-fit';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };

export const KL_PRESETS: Record<string, string> = {
  separated: '0.5 N(-3, 0.8) + 0.5 N(3, 0.8)',
  unequal: '0.7 N(-3, 0.8) + 0.3 N(3, 0.8)',
  close: '0.5 N(-1, 1) + 0.5 N(1, 1)',
};

function targetError(s: string): string | null {
  const e = mixtureError(s);
  if (e) return e;
  const m = parseMixture(s);
  if (!m.components.some((c) => c.kind === 'normal')) {
    return 'the reverse fit needs a target that is positive everywhere (a Gaussian has mass everywhere, so KL(q || p) would be infinite): include at least one N(mu, sigma) term';
  }
  return null;
}

export const specs: ParamSpec[] = [
  text('target', 'Target p (mixture)', KL_PRESETS.separated, {
    maxLength: 400,
    validate: targetError,
    wide: true,
    help: 'Terms like 0.5 N(-3, 0.8) + 0.5 N(3, 0.8); U(a, b) allowed alongside at least one N.',
  }),
  num('init_mu', 'Start mu', 0.5, { min: -50, max: 50 }),
  num('init_sigma', 'Start sigma', 1, { min: 0.05, max: 50 }),
  lrSpec(0.1, 1, { label: 'Step size' }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'mu_forward', label: 'forward μ', digits: 4 },
  { name: 'sigma_forward', label: 'forward σ', digits: 4 },
  { name: 'kl_forward', label: 'KL(p ‖ q forward)', digits: 4 },
  { name: 'mu_reverse', label: 'reverse μ', digits: 4 },
  { name: 'sigma_reverse', label: 'reverse σ', digits: 4 },
  { name: 'kl_reverse', label: 'KL(q reverse ‖ p)', digits: 4 },
];

export interface KlFitView {
  xs: Float32Array;
  target: Float32Array;
  forward: Float32Array;
  reverse: Float32Array;
  historyForward: Float32Array;
  historyReverse: Float32Array;
  /** Reverse KL against mu with sigma held at the reverse fit's current sigma (the landscape). */
  profileMu: Float32Array;
  profileKl: Float32Array;
  targetMean: number;
  targetSd: number;
  muReverse: number;
}
