/**
 * A small MLP GAN on MNIST (chapter 4), in the spirit of the first GAN experiments: the
 * generator maps 100-dimensional uniform noise through one hidden layer to 784 sigmoid pixels,
 * the discriminator maps 784 pixels through one hidden layer to a logit. Trained with
 * Algorithm 1 (K discriminator steps per generator step, Adam). The Gaussian Parzen-window
 * log-likelihood of Goodfellow et al. is estimated every few hundred steps: sigma is chosen on a
 * validation split, the reported number is the mean over test digits. For comparison the same
 * estimate is computed with the training images themselves as kernel centres (a "model" that
 * memorised its data).
 */
import { readTidy, tf } from '../../lib/tf-backend';
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { MLP, disposeOptimizer, makeOptimizer, setLearningRate } from '../../lib/nn/mlp';
import { batchPixels, TRAIN_COUNT, type Mnist } from '../../lib/data/mnist';
import type { Model } from '../../lib/model';
import type { NamedWeights } from '../../lib/checkpoint';
import { discriminatorLoss, generatorLoss } from '../../lib/gan/losses';

export { specs } from './settings';

export const NOISE_DIM = 100;
/** Training digits are [0, VALID_START); [VALID_START, TRAIN_COUNT) is the validation split. */
export const VALID_START = 7000;
export const PARZEN = { samples: 1000, valid: 100, test: 300, sigmas: [0.1, 0.13, 0.16, 0.2, 0.25, 0.3, 0.4] };

export interface ParzenResult {
  sigma: number;
  /** Mean log-likelihood (nats) of the test digits. */
  test: number;
  /** Mean validation log-likelihood for each sigma tried. */
  validBySigma: number[];
}

/**
 * Mean Gaussian Parzen-window log-likelihood of `points` under kernels of width sigma centred at
 * `centres` (both [n, d] row-major), for each sigma. Squared distances come from one matrix
 * product; each row is reduced with log-sum-exp.
 */
export function parzenLogLik(centres: Float32Array, points: Float32Array, d: number, sigmas: number[]): number[] {
  const nc = centres.length / d;
  const np = points.length / d;
  const sq = readTidy(() => {
    const c = tf.tensor2d(centres, [nc, d]);
    const p = tf.tensor2d(points, [np, d]);
    const cn = tf.sum(tf.square(c), 1);
    const pn = tf.sum(tf.square(p), 1, true);
    return tf.relu(tf.sub(tf.add(pn, cn), tf.mul(2, tf.matMul(p, c, false, true))));
  });
  return sigmas.map((s) => {
    const norm = -Math.log(nc) - 0.5 * d * Math.log(2 * Math.PI * s * s);
    let total = 0;
    for (let i = 0; i < np; i++) {
      let max = -Infinity;
      for (let j = 0; j < nc; j++) max = Math.max(max, -sq[i * nc + j] / (2 * s * s));
      let acc = 0;
      for (let j = 0; j < nc; j++) acc += Math.exp(-sq[i * nc + j] / (2 * s * s) - max);
      total += max + Math.log(acc) + norm;
    }
    return total / np;
  });
}

/** Goodfellow's protocol: pick sigma on the validation digits, report the test mean with it. */
export function parzenEstimate(centres: Float32Array, valid: Float32Array, test: Float32Array, d: number, sigmas: number[]): ParzenResult {
  const validBySigma = parzenLogLik(centres, valid, d, sigmas);
  let best = 0;
  for (let i = 1; i < sigmas.length; i++) if (validBySigma[i] > validBySigma[best]) best = i;
  return { sigma: sigmas[best], test: parzenLogLik(centres, test, d, [sigmas[best]])[0], validBySigma };
}

export interface MnistGanView {
  samples: Float32Array;
  n: number;
  history: { step: number; d_loss: number; g_loss: number }[];
  parzen: { step: number; gan: number; sigma: number }[];
  parzenTrain: number;
}

export interface MnistGanModel extends Model {
  view(): MnistGanView;
  save(): NamedWeights;
  load(weights: NamedWeights, step: number): void;
  sampleNoise(m: number): Float32Array;
  sampleData(m: number): Float32Array;
  discriminatorStep(): number;
  generatorStep(): number;
  generate(n: number): Float32Array;
  parzen(): ParzenResult;
}

const GRID = 36;

/** Algorithm 1, line 1: initialise theta (G) and phi (D) from the seed. */
export function buildNets(values: Values, d = 784) {
  const hidden = Number(values.hidden);
  const rng = new Rng(Number(values.seed));
  const noiseRng = rng.fork();
  const dataRng = rng.fork();
  const G = new MLP(NOISE_DIM, [{ units: hidden, activation: 'relu' }, { units: d, activation: 'sigmoid' }], rng, 'mnist_g');
  const D = new MLP(d, [{ units: hidden, activation: 'leaky_relu' }, { units: 1, activation: 'linear' }], rng, 'mnist_d');
  return { G, D, noiseRng, dataRng };
}

/** Images from the untrained generator (the static figure), n of them from fixed noise. */
export function untrainedSamples(values: Values, n: number): Float32Array {
  const { G, D } = buildNets(values);
  const z = uniform(new Rng(Number(values.seed) + 7), n * NOISE_DIM);
  const out = readTidy(() => G.apply(tf.tensor2d(z, [n, NOISE_DIM])));
  G.dispose();
  D.dispose();
  return out;
}

export function createModel(values: Values, data: Mnist): MnistGanModel {
  const M = Number(values.batch);
  let K = Number(values.k);
  let minimax = values.loss === 'minimax';
  const every = Number(values.parzen_every);
  const d = data.rows * data.cols;
  const { G, D, noiseRng, dataRng } = buildNets(values, d);
  const evalRng = new Rng(Number(values.seed) + 1000003);
  const optD = makeOptimizer('adam', Number(values.lr_d), 0.5);
  const optG = makeOptimizer('adam', Number(values.lr_g), 0.5);

  // Fixed evaluation sets: validation and test digits for Parzen, fixed noise for the grid.
  const pick = (start: number, end: number, n: number) => Array.from({ length: n }, () => start + evalRng.int(end - start));
  const validX = batchPixels(data, pick(VALID_START, TRAIN_COUNT, PARZEN.valid));
  const testX = batchPixels(data, pick(TRAIN_COUNT, data.count, PARZEN.test));
  const gridZ = tf.keep(tf.tensor2d(uniform(evalRng, GRID * NOISE_DIM), [GRID, NOISE_DIM]));
  const xBuf = new Float32Array(M * d);

  let steps = 0;
  let dLoss = NaN;
  let gLoss = NaN;
  const history: { step: number; d_loss: number; g_loss: number }[] = [];
  const parzenHist: { step: number; gan: number; sigma: number }[] = [];

  function sampleNoise(m: number): Float32Array {
    return uniform(noiseRng, m * NOISE_DIM);
  }

  function sampleData(m: number): Float32Array {
    const idx = Array.from({ length: m }, () => dataRng.int(VALID_START));
    return batchPixels(data, idx, false, m === M ? xBuf : undefined);
  }

  function discriminatorStep(): number {
    const real = sampleData(M);
    const z = sampleNoise(M);
    const cost = tf.tidy(() => {
      const xr = tf.tensor2d(real, [M, d]);
      const xf = G.apply(tf.tensor2d(z, [M, NOISE_DIM]));
      // Only D trains here (xf is a constant): D's first layer skips its input gradient.
      return optD.minimize(
        () => discriminatorLoss(D.apply(xr, undefined, false), D.apply(xf, undefined, false)),
        true,
        D.variables(),
      )!;
    });
    dLoss = cost.dataSync()[0];
    cost.dispose();
    return dLoss;
  }

  function generatorStep(): number {
    const z = sampleNoise(M);
    const cost = tf.tidy(() => {
      const zt = tf.tensor2d(z, [M, NOISE_DIM]);
      return optG.minimize(
        () => {
          return generatorLoss(D.apply(G.apply(zt)), minimax);
        },
        true,
        G.variables(),
      )!;
    });
    gLoss = cost.dataSync()[0];
    cost.dispose();
    return gLoss;
  }

  /** The two losses on a fresh minibatch without updating anything (the step-0 readout). */
  function evalLosses() {
    const real = sampleData(M);
    const z = sampleNoise(M);
    const [dl, gl] = tf.tidy(() => {
      const lr = D.apply(tf.tensor2d(real, [M, d]));
      const lf = D.apply(G.apply(tf.tensor2d(z, [M, NOISE_DIM])));
      const dl2 = discriminatorLoss(lr, lf);
      const gl2 = generatorLoss(lf, minimax);
      return [dl2.dataSync()[0], gl2.dataSync()[0]];
    });
    dLoss = dl;
    gLoss = gl;
  }

  function generate(n: number): Float32Array {
    const z = sampleNoiseFrom(evalRng, n);
    return readTidy(() => G.apply(tf.tensor2d(z, [n, NOISE_DIM])));
  }

  function parzen(): ParzenResult {
    const r = parzenEstimate(generate(PARZEN.samples), validX, testX, d, PARZEN.sigmas);
    parzenHist.push({ step: steps, gan: r.test, sigma: r.sigma });
    if (parzenHist.length > 200) parzenHist.splice(0, parzenHist.length - 200);
    return r;
  }

  // The memoriser: training digits as kernel centres, the same protocol.
  const trainCentres = batchPixels(data, pick(0, VALID_START, PARZEN.samples));
  const parzenTrain = parzenEstimate(trainCentres, validX, testX, d, PARZEN.sigmas).test;
  /** The estimate of the initial G (step 0), made when first needed: a loaded checkpoint skips it. */
  function initialParzen() {
    if (!parzenHist.length) parzen();
  }
  evalLosses();

  return {
    sampleNoise,
    sampleData,
    discriminatorStep,
    generatorStep,
    generate,
    parzen,
    /** Live settings: both learning rates, K and G's loss (weights, moments and step count stay). */
    update(next) {
      setLearningRate(optD, Number(next.lr_d));
      setLearningRate(optG, Number(next.lr_g));
      K = Number(next.k);
      minimax = next.loss === 'minimax';
    },
    step() {
      initialParzen(); // before G changes
      for (let k = 0; k < K; k++) discriminatorStep();
      generatorStep();
      steps++;
      if (steps % 10 === 0) {
        history.push({ step: steps, d_loss: dLoss, g_loss: gLoss });
        if (history.length > 1000) history.splice(0, history.length - 1000);
      }
      if (steps % every === 0) parzen();
    },
    metrics() {
      initialParzen();
      const p = parzenHist[parzenHist.length - 1];
      return { d_loss: dLoss, g_loss: gLoss, parzen_ll: p.gan, parzen_sigma: p.sigma, parzen_train: parzenTrain };
    },
    view(): MnistGanView {
      initialParzen();
      const samples = readTidy(() => G.apply(gridZ));
      return { samples, n: GRID, history: history.slice(), parzen: parzenHist.slice(), parzenTrain };
    },
    command(name) {
      if (name !== 'parzen') throw new Error(`unknown command ${name}`);
      const r = parzen();
      return { test: r.test, sigma: r.sigma };
    },
    save: () => ({ ...G.named('G'), ...D.named('D') }),
    load(weights, at) {
      G.loadNamed('G', weights);
      D.loadNamed('D', weights);
      steps = at;
      history.length = 0;
      parzenHist.length = 0;
      parzen();
      evalLosses();
    },
    dispose() {
      G.dispose();
      D.dispose();
      disposeOptimizer(optD);
      disposeOptimizer(optG);
      gridZ.dispose();
    },
  };
}

function uniform(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.uniform(-1, 1);
  return out;
}

function sampleNoiseFrom(rng: Rng, m: number): Float32Array {
  return uniform(rng, m * NOISE_DIM);
}
