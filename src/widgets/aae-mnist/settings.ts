/** Settings of the aae-mnist widget (no tfjs here: the page imports this file). */
import type { ParamSpec } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
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
  { name: 'prior', label: 'Prior p(z)', kind: 'enum', default: 'gaussian', options: PRIOR_OPTIONS },
  {
    name: 'variant',
    label: 'Labels',
    kind: 'enum',
    default: 'unsupervised',
    options: [
      { value: 'unsupervised', label: 'None (unsupervised)' },
      { value: 'labels', label: 'Label to D (one part of the prior per digit)' },
      { value: 'supervised', label: 'Label to the decoder (style in z)' },
    ],
  },
  {
    name: 'labelled',
    label: 'Labelled fraction (label to D)',
    kind: 'number',
    default: 1,
    min: 0,
    max: 1,
    help: 'Share of training digits whose label D sees; the rest use the extra "unlabelled" state.',
  },
  {
    name: 'regulariser',
    label: 'Regulariser',
    kind: 'enum',
    default: 'adversarial',
    options: [
      { value: 'adversarial', label: 'Adversarial (AAE)' },
      { value: 'kl', label: 'KL to N(0, I) (VAE)' },
      { value: 'none', label: 'None (plain autoencoder)' },
    ],
  },
  { name: 'compare', label: 'Train a VAE alongside', kind: 'bool', default: true },
  { name: 'lr', label: 'Learning rate', kind: 'number', default: 0.001, min: 0, minExclusive: true, max: 0.05, live: true },
  { name: 'batch', label: 'Batch size', kind: 'number', default: 64, min: 8, max: 256, integer: true },
  { name: 'hidden', label: 'Hidden units', kind: 'number', default: 128, min: 16, max: 512, integer: true },
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

