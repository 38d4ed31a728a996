/**
 * The parts of the vae-mnist widget that need no tfjs: settings, sizes, the view's shape and
 * small helpers. The page imports this file; the worker and tests import ./vaeMnist.
 */
import { type ParamSpec, SEED_SPEC, num, int, lrSpec, batchSpec, hiddenSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/vae-mnist.astro), its tag and its worker. */
export const id = 'vae-mnist';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, needsMnist: true, steps: 50 };

export const VAE_PIXELS = 784;
export const VAE_LATENT = 2;
/** Test digits used for the ELBO readout and the latent scatter (the first ones of the test split). */
export const VAE_EVAL_COUNT = 500;
/** Side of the decoded manifold grid. */
export const VAE_GRID = 15;
/** The test ELBO, scatter and grid are refreshed at least every this many steps. */
export const VAE_REFRESH_STEPS = 50;
/** Digits offered for reconstructions and interpolation: two of each class from the eval subset. */
export const VAE_PICKS = 20;

export const specs: ParamSpec[] = [
  hiddenSpec(256, { min: 16, max: 512, label: 'Hidden units (encoder and decoder)' }),
  lrSpec(0.002, 0.05, { label: 'Learning rate (Adam)', live: true }),
  batchSpec(100, { min: 8, max: 500 }),
  num('beta', 'β (weight of the KL term)', 1, {
    min: 0,
    max: 10,
    live: true,
    help: 'β = 1 is the ELBO; β > 1 pushes q(z|x) toward the prior, β = 0 leaves a plain autoencoder with noise.',
  }),
  int('train_size', 'Training digits used', 8000, { min: 100, max: 8000 }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'epoch', label: 'epoch', digits: 3 },
  { name: 'elbo', label: 'test ELBO (nats/image)', digits: 4, title: 'Evidence lower bound on 500 test digits, β left out; refreshed every 50 steps and on pause' },
  { name: 'recon', label: 'reconstruction −log p(x|z)', digits: 4 },
  { name: 'kl', label: 'KL(q ‖ prior)', digits: 3 },
  { name: 'steps_per_s', label: 'steps/s', digits: 3 },
];

export interface VaeView {
  step: number;
  /** Step at which the scatter, grid and test numbers were computed. */
  refreshedAt: number;
  /** Latent means of the eval subset: [x0, y0, x1, y1, ...] and their labels. */
  latent: Float32Array;
  labels: Uint8Array;
  /** VAE_GRID x VAE_GRID decoded images (Bernoulli means, 0-255), row-major, top row = largest z2. */
  grid: Uint8Array;
  gridRange: number;
  /** Originals and reconstructions (means) of the pick digits, 0-255. */
  picks: Uint8Array;
  recons: Uint8Array;
  pickLabels: Uint8Array;
  /** Interpolation between picks a and b: VAE_INTERP decoded images, 0-255. */
  interp: Uint8Array;
  interpA: number;
  interpB: number;
  /** Training curves (per recorded step): negative recon and KL of the minibatch. */
  histStep: Float32Array;
  histRecon: Float32Array;
  histKl: Float32Array;
  /** Test ELBO at the refreshes. */
  testStep: Float32Array;
  testElbo: Float32Array;
  beta: number;
}

export const VAE_INTERP = 10;

export interface VaeEval {
  elbo: number;
  recon: number;
  kl: number;
}

/** The normal quantile, for the manifold grid. */
export { normalQuantile } from '../../lib/density/normal-quantile';

/**
 * How well the latent means separate the digits: leave-one-out k-nearest-neighbour accuracy of
 * the labels in the 2-D latent plane (a number for "the scatter shows clusters").
 */
export function latentKnnAccuracy(latent: Float32Array, labels: Uint8Array, k = 5): number {
  const n = labels.length;
  let ok = 0;
  const d = new Float64Array(n);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      d[j] = j === i ? Infinity : (latent[2 * i] - latent[2 * j]) ** 2 + (latent[2 * i + 1] - latent[2 * j + 1]) ** 2;
      idx[j] = j;
    }
    const nearest = Array.from(idx).sort((a, b) => d[a] - d[b]).slice(0, k);
    const votes = new Array(10).fill(0);
    for (const j of nearest) votes[labels[j]]++;
    if (votes.indexOf(Math.max(...votes)) === labels[i]) ok++;
  }
  return ok / n;
}
