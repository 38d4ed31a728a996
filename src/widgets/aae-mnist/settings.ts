/** Settings of the aae-mnist widget (no tfjs here: the page imports this file). */
import { type ParamSpec, SEED_SPEC, num, choice, flag, lrSpec, batchSpec, hiddenSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { PRIOR_OPTIONS } from '../../lib/gan/priors';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/aae-mnist.astro), its tag and its worker. */
export const id = 'aae-mnist';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, needsMnist: true, steps: 30 };

export type Regulariser = 'adversarial' | 'kl' | 'none';
export type AaeVariant = 'unsupervised' | 'labels' | 'supervised';

export const specs: ParamSpec[] = [
  choice('prior', 'Prior p(z)', 'gaussian', PRIOR_OPTIONS),
  choice('variant', 'Labels', 'unsupervised', {
    unsupervised: 'None (unsupervised)',
    labels: 'Label to D (one part of the prior per digit)',
    supervised: 'Label to the decoder (style in z)',
  }),
  num('labelled', 'Labelled fraction (label to D)', 1, {
    min: 0,
    max: 1,
    help: 'Share of training digits whose label D sees; the rest use the extra "unlabelled" state.',
  }),
  choice('regulariser', 'Regulariser', 'adversarial', { adversarial: 'Adversarial (AAE)', kl: 'KL to N(0, I) (VAE)', none: 'None (plain autoencoder)' }),
  flag('compare', 'Train a VAE alongside', true),
  lrSpec(0.001, 0.05, { live: true }),
  batchSpec(64, { min: 8, max: 256 }),
  hiddenSpec(128, { min: 16, max: 512 }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'recon', label: 'recon (nats/digit)', digits: 4, title: 'Reconstruction cross-entropy of the batch, summed over pixels' },
  { name: 'd_loss', label: 'D loss', digits: 3, title: "D's cross-entropy: prior samples real, codes fake (2 log 2 = 1.386 when D cannot tell)" },
  { name: 'g_loss', label: 'encoder loss', digits: 3, title: "The encoder's non-saturating loss -log D(E(x)) (log 2 = 0.693 at balance)" },
  { name: 'code_mmd', label: 'code MMD²', digits: 3, title: 'Squared MMD between the codes of 500 test digits and 500 prior samples' },
  { name: 'vae_recon', label: 'VAE recon', digits: 4, title: 'Reconstruction loss of the VAE trained alongside' },
];

