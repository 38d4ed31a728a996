/**
 * Chapter 7's widget model: an adversarial autoencoder on MNIST with a 2-D code.
 *
 * An encoder q(z|x) maps a digit to a 2-D code, a decoder maps the code back to pixels. Each
 * training step has two phases on the same mini-batch:
 *   1. reconstruction: encoder and decoder take one Adam step on the reconstruction loss;
 *   2. regularisation: D takes a step on "prior sample = real, encoded code = fake", then the
 *      encoder (the GAN's generator) takes a step on the non-saturating loss -log D(E(x)).
 * The regulariser switch replaces phase 2 by the VAE's KL(q(z|x) || N(0, I)) with the
 * reparameterisation trick (same encoder and decoder, one joint step on recon + KL), or by
 * nothing (a plain autoencoder). With `compare` on, a VAE with the same architecture trains
 * beside the main model on the same batches, so the page can show both codes for the same
 * test digits.
 *
 * Variants: 'unsupervised' (D sees the code only); 'labels' (D also sees a one-hot label, or an
 * 11th "unlabelled" state, and each digit class is pushed into its own part of the prior);
 * 'supervised' (the decoder sees the label, so the code keeps only the style).
 */
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { readTidy, tf } from '../../lib/tf-backend';
import { MLP, makeOptimizer, setLearningRate } from '../../lib/nn/mlp';
import { batchPixels, SPLITS, type Mnist } from '../../lib/data/mnist';
import type { Model } from '../../lib/model';
import type { NamedWeights } from '../../lib/checkpoint';
import { mmd2 } from '../../lib/mmd';
import { bceSum, lossFake, lossReal, PRIOR_OPTIONS, priorDensityGrid, samplePrior, samplePriorMany, type PriorKind } from '../../lib/gan/losses';

export * from './settings';
import type { AaeVariant, Regulariser } from './settings';

/** Options a test or the benchmark may override (the widget uses the full training split). */
export interface AaeOptions {
  /** Number of training digits used (from the start of the training split). */
  trainCount?: number;
  /** Number of test digits whose codes are shown and used for code_mmd. */
  testCount?: number;
}

const LATENT = 2;
const PIX = 784;
export const AAE_EXTENT = 4.5;
const GRID_BINS = 45;

interface Core {
  reg: Regulariser;
  enc: MLP;
  dec: MLP;
  disc: MLP | null;
  optAe: tf.Optimizer;
  optD: tf.Optimizer | null;
  optG: tf.Optimizer | null;
  last: { recon: number; kl: number; d: number; g: number };
}

export interface AaeView {
  prior: PriorKind;
  variant: AaeVariant;
  regulariser: Regulariser;
  extent: number;
  bins: number;
  /** Prior density on a bins x bins grid over [-extent, extent]^2 (row = y). */
  density: Float32Array;
  testLabels: Uint8Array;
  /** Codes of the test digits (x, y interleaved). */
  codes: Float32Array;
  /** Codes of the same digits under the VAE trained alongside (means of q(z|x)), or null. */
  vaeCodes: Float32Array | null;
  /** Decoded images, each 784 floats in [0, 1]. */
  samples: Float32Array;
  sampleRows: number;
  sampleCols: number;
  /** What the sample grid shows. */
  sampleCaption: string;
  history: { step: number; recon: number; code_mmd: number }[];
}

export interface AaeModel extends Model {
  /** Codes of the test subset under the main model (means for KL). */
  codes(): Float32Array;
  /** code_mmd computed now (no caching). */
  codeMmd(): number;
  /** MMD between the VAE's sampled codes and N(0, I), or NaN without a comparison VAE. */
  vaeCodeMmd(): number;
  /** Mean reconstruction loss (nats per digit) of the main model on the test subset. */
  testRecon(): number;
  /** Fraction of test codes whose nearest prior part (by part-conditioned samples) is their label. */
  partAccuracy(): number;
  numVariables(): number;
  save(): NamedWeights;
  load(weights: NamedWeights, step: number): void;
}

export function createModel(values: Values, mnist: Mnist, opts: AaeOptions = {}): AaeModel {
  const prior = String(values.prior) as PriorKind;
  if (!PRIOR_OPTIONS.some((o) => o.value === prior)) throw new Error(`unknown prior "${values.prior}"`);
  const variant = String(values.variant) as AaeVariant;
  if (!['unsupervised', 'labels', 'supervised'].includes(variant)) throw new Error(`unknown variant "${values.variant}"`);
  const reg = String(values.regulariser) as Regulariser;
  if (!['adversarial', 'kl', 'none'].includes(reg)) throw new Error(`unknown regulariser "${values.regulariser}"`);
  const lr = Number(values.lr);
  const batch = Number(values.batch);
  const hidden = Number(values.hidden);
  const labelled = Number(values.labelled);
  const compare = Boolean(values.compare) && reg !== 'kl';
  if (!(lr > 0) || !(batch >= 1) || !(hidden >= 1) || !(labelled >= 0 && labelled <= 1)) throw new Error('bad settings');

  const rng = new Rng(Number(values.seed));
  const dataRng = rng.fork();
  const priorRng = rng.fork();
  const evalRng = rng.fork();
  const nTrain = Math.min(opts.trainCount ?? SPLITS.train.end - SPLITS.train.start, SPLITS.train.end - SPLITS.train.start);
  const nTest = Math.min(opts.testCount ?? 500, SPLITS.test.end - SPLITS.test.start);
  const trainIdx = Int32Array.from({ length: nTrain }, (_, i) => SPLITS.train.start + i);
  const testIdx = Int32Array.from({ length: nTest }, (_, i) => SPLITS.test.start + i);
  const testLabels = Uint8Array.from(testIdx, (i) => mnist.labels[i]);
  const testPixels = batchPixels(mnist, testIdx);
  // Which training digits D may see the label of (label-conditioned variant).
  const isLabelled = Uint8Array.from(trainIdx, () => (dataRng.next() < labelled ? 1 : 0));

  const useLabelsInD = variant === 'labels';
  const useLabelsInDec = variant === 'supervised';
  const dIn = LATENT + (useLabelsInD ? 11 : 0);
  const decIn = LATENT + (useLabelsInDec ? 10 : 0);

  function makeCore(r: Regulariser, coreRng: Rng): Core {
    const enc = new MLP(PIX, [
      { units: hidden, activation: 'relu' },
      { units: hidden, activation: 'relu' },
      // Two outputs for the code (AAE: the code itself; VAE: the mean) and two for log-variance (VAE only).
      { units: 2 * LATENT, activation: 'linear' },
    ], coreRng, 'aae_enc');
    const dec = new MLP(decIn, [
      { units: hidden, activation: 'relu' },
      { units: hidden, activation: 'relu' },
      { units: PIX, activation: 'linear' },
    ], coreRng, 'aae_dec');
    const adv = r === 'adversarial';
    const disc = adv
      ? new MLP(dIn, [
          { units: 64, activation: 'leaky_relu' },
          { units: 64, activation: 'leaky_relu' },
          { units: 1, activation: 'linear' },
        ], coreRng, 'aae_d')
      : null;
    return {
      reg: r,
      enc,
      dec,
      disc,
      optAe: makeOptimizer('adam', lr, 0.9),
      optD: adv ? makeOptimizer('adam', lr / 2, 0.5) : null,
      optG: adv ? makeOptimizer('adam', lr / 2, 0.5) : null,
      last: { recon: NaN, kl: NaN, d: NaN, g: NaN },
    };
  }

  const main = makeCore(reg, rng.fork());
  const vae = compare ? makeCore('kl', rng.fork()) : null;

  const xBuf = new Float32Array(batch * PIX);
  const yBuf = new Float32Array(batch * 10);
  const dLabBuf = new Float32Array(batch * 11);
  const realBuf = new Float32Array(batch * 2);
  const realLabBuf = new Float32Array(batch * 11);
  let order = Array.from(trainIdx);
  let cursor = order.length;

  function nextBatch(): number[] {
    const out: number[] = [];
    for (let b = 0; b < batch; b++) {
      if (cursor >= order.length) {
        order = dataRng.shuffle(order);
        cursor = 0;
      }
      out.push(order[cursor++]);
    }
    return out;
  }

  /** The code part of the encoder's output (AAE, plain AE: deterministic; VAE: mean). */
  // x is always data here: the encoder's first layer skips its input gradient.
  const codeOf = (enc: MLP, x: tf.Tensor2D) => tf.slice(enc.apply(x, undefined, false), [0, 0], [-1, LATENT]) as tf.Tensor2D;
  const decInput = (z: tf.Tensor2D, y: tf.Tensor2D) => (useLabelsInDec ? (tf.concat([z, y], 1) as tf.Tensor2D) : z);
  const dInput = (z: tf.Tensor2D, lab: tf.Tensor2D) => (useLabelsInD ? (tf.concat([z, lab], 1) as tf.Tensor2D) : z);

  function stepCore(c: Core, x: tf.Tensor2D, y: tf.Tensor2D, dLab: tf.Tensor2D, real: tf.Tensor2D, realLab: tf.Tensor2D) {
    const aeVars = [...c.enc.variables(), ...c.dec.variables()];
    if (c.reg === 'kl') {
      const eps = tf.randomNormal([x.shape[0], LATENT], 0, 1, 'float32', rng.seed());
      let klv = 0;
      const cost = c.optAe.minimize(() => {
        const h = c.enc.apply(x, undefined, false);
        const mu = tf.slice(h, [0, 0], [-1, LATENT]);
        const logvar = tf.clipByValue(tf.slice(h, [0, LATENT], [-1, LATENT]), -10, 10);
        const z = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logvar)), eps)) as tf.Tensor2D;
        const rec = bceSum(c.dec.apply(decInput(z, y)), x);
        // KL(N(mu, s^2) || N(0, 1)) = 0.5 (mu^2 + s^2 - 1 - log s^2), summed over dimensions.
        const kl = tf.mean(tf.sum(tf.mul(0.5, tf.sub(tf.add(tf.square(mu), tf.exp(logvar)), tf.add(1, logvar))), 1));
        klv = kl.dataSync()[0];
        c.last.recon = rec.dataSync()[0];
        return tf.add(rec, kl) as tf.Scalar;
      }, true, aeVars);
      cost?.dataSync();
      c.last.kl = klv;
      return;
    }
    // Phase 1: reconstruction.
    const rc = c.optAe.minimize(() => bceSum(c.dec.apply(decInput(codeOf(c.enc, x), y)), x), true, aeVars);
    c.last.recon = rc ? rc.dataSync()[0] : NaN;
    if (c.reg !== 'adversarial' || !c.disc || !c.optD || !c.optG) return;
    const disc = c.disc;
    // Phase 2a: D learns prior samples = real, codes = fake.
    const z = codeOf(c.enc, x);
    const dc = c.optD.minimize(() => tf.add(lossReal(disc.apply(dInput(real, realLab))), lossFake(disc.apply(dInput(z, dLab)))) as tf.Scalar, true, disc.variables());
    c.last.d = dc ? dc.dataSync()[0] : NaN;
    // Phase 2b: the encoder (generator) learns to make D call its codes real.
    const gc = c.optG.minimize(() => lossReal(disc.apply(dInput(codeOf(c.enc, x), dLab))), true, c.enc.variables());
    c.last.g = gc ? gc.dataSync()[0] : NaN;
  }

  let step = 0;
  /** Loaded from a checkpoint and not stepped since: no minibatch losses to show yet. */
  let loaded = false;
  const history: AaeView['history'] = [];

  // Fixed prior draws for code_mmd and for the decoded-sample grid.
  const mmdPrior = samplePriorMany(prior, evalRng, nTest);
  const mmdGauss = samplePriorMany('gaussian', evalRng, nTest);
  const density = priorDensityGrid(prior, evalRng, AAE_EXTENT, GRID_BINS);
  const sampleRows = useLabelsInDec ? 6 : 10;
  const sampleCols = 10;
  const gridZ = new Float32Array(sampleRows * sampleCols * 2);
  const gridY = new Float32Array(sampleRows * sampleCols * 10);
  if (useLabelsInDec) {
    // Style grid: one z per row (a prior draw), the ten labels across.
    const zs = samplePriorMany(prior, evalRng, sampleRows);
    for (let r = 0; r < sampleRows; r++)
      for (let c = 0; c < 10; c++) {
        const k = r * 10 + c;
        gridZ[2 * k] = zs[2 * r];
        gridZ[2 * k + 1] = zs[2 * r + 1];
        gridY[k * 10 + c] = 1;
      }
  } else {
    // Row r: draws from part r of the prior (a mixture component, a stretch of the roll, a sector).
    for (let r = 0; r < sampleRows; r++) for (let c = 0; c < sampleCols; c++) samplePrior(prior, evalRng, gridZ, 2 * (r * sampleCols + c), r);
  }
  const sampleCaption = useLabelsInDec
    ? 'Style grid: each row is one code z, each column a label fed to the decoder'
    : prior === 'gaussian'
      ? 'Decoded prior samples: row r from the angular sector r of N(0, I)'
      : `Decoded prior samples: row r from part r of the ${prior === 'mixture' ? 'mixture (component r)' : 'swiss roll'}`;

  function testY(): tf.Tensor2D {
    return tf.oneHot(tf.tensor1d(Array.from(testLabels), 'int32'), 10).toFloat() as tf.Tensor2D;
  }

  function codesOf(c: Core, sampled = false): Float32Array {
    return readTidy(() => {
      const x = tf.tensor2d(testPixels, [nTest, PIX]);
      const h = c.enc.apply(x);
      let z = tf.slice(h, [0, 0], [-1, LATENT]);
      if (sampled && c.reg === 'kl') {
        const lv = tf.clipByValue(tf.slice(h, [0, LATENT], [-1, LATENT]), -10, 10);
        z = tf.add(z, tf.mul(tf.exp(tf.mul(0.5, lv)), tf.randomNormal([nTest, LATENT], 0, 1, 'float32', 12345)));
      }
      return z;
    });
  }

  function codeMmd(): number {
    // For the KL regulariser the aggregate posterior is a mixture of Gaussians: compare its samples.
    return mmd2(codesOf(main, true), mmdPrior);
  }

  // code_mmd once per step count, when metrics() or view() asks: the worker host spaces its
  // reports by what they cost, so the model keeps no clock of its own.
  let cache: { step: number; mmd: number } = { step: -1, mmd: NaN };
  function cachedMmd(): number {
    if (cache.step !== step) {
      cache = { step, mmd: codeMmd() };
      history.push({ step, recon: main.last.recon, code_mmd: cache.mmd });
      if (history.length > 400) history.splice(0, history.length - 400);
    }
    return cache.mmd;
  }

  let viewCache: { step: number; view: AaeView | null } = { step: -1, view: null };

  function decodeGrid(): Float32Array {
    return readTidy(() => {
      const n = sampleRows * sampleCols;
      const z = tf.tensor2d(gridZ, [n, 2]);
      const y = tf.tensor2d(gridY, [n, 10]);
      return tf.sigmoid(main.dec.apply(decInput(z, y)));
    });
  }

  const model: AaeModel = {
    /** Live setting: the learning rate (D and G keep using half of it); weights and moments stay. */
    update(next) {
      const lr = Number(next.lr);
      for (const c of vae ? [main, vae] : [main]) {
        setLearningRate(c.optAe, lr);
        if (c.optD) setLearningRate(c.optD, lr / 2);
        if (c.optG) setLearningRate(c.optG, lr / 2);
      }
    },
    step() {
      const idx = nextBatch();
      batchPixels(mnist, idx, false, xBuf);
      yBuf.fill(0);
      dLabBuf.fill(0);
      realLabBuf.fill(0);
      for (let b = 0; b < batch; b++) {
        const lab = mnist.labels[idx[b]];
        yBuf[b * 10 + lab] = 1;
        const known = isLabelled[idx[b] - SPLITS.train.start] === 1;
        dLabBuf[b * 11 + (known ? lab : 10)] = 1;
        if (useLabelsInD) {
          // Real side mirrors the fake side: a labelled slot draws from its class's part of the prior.
          samplePrior(prior, priorRng, realBuf, 2 * b, known ? lab : -1);
          realLabBuf[b * 11 + (known ? lab : 10)] = 1;
        } else samplePrior(prior, priorRng, realBuf, 2 * b);
      }
      tf.tidy(() => {
        const x = tf.tensor2d(xBuf, [batch, PIX]);
        const y = tf.tensor2d(yBuf, [batch, 10]);
        const dLab = tf.tensor2d(dLabBuf, [batch, 11]);
        const real = tf.tensor2d(realBuf, [batch, 2]);
        const realLab = tf.tensor2d(realLabBuf, [batch, 11]);
        stepCore(main, x, y, dLab, real, realLab);
        if (vae) stepCore(vae, x, y, dLab, real, realLab);
      });
      step++;
      loaded = false;
    },
    metrics() {
      const adv = main.reg === 'adversarial';
      // Before the first step there is no batch loss yet: show a dash (not NaN, which would read as divergence).
      const v = (x: number) => (step === 0 || loaded ? '–' : x);
      return {
        step,
        recon: v(main.last.recon),
        d_loss: adv ? v(main.last.d) : 'n/a',
        g_loss: adv ? v(main.last.g) : 'n/a',
        code_mmd: cachedMmd(),
        ...(main.reg === 'kl' ? { kl: v(main.last.kl) } : {}),
        ...(vae ? { vae_recon: v(vae.last.recon) } : {}),
      };
    },
    view(): AaeView {
      if (viewCache.view && viewCache.step === step) return viewCache.view;
      cachedMmd();
      const v: AaeView = {
        prior,
        variant,
        regulariser: reg,
        extent: AAE_EXTENT,
        bins: GRID_BINS,
        density,
        testLabels,
        codes: codesOf(main),
        vaeCodes: vae ? codesOf(vae) : null,
        samples: decodeGrid(),
        sampleRows,
        sampleCols,
        sampleCaption,
        history: history.slice(),
      };
      viewCache = { step, view: v };
      return v;
    },
    codes: () => codesOf(main),
    codeMmd,
    vaeCodeMmd: () => (vae ? mmd2(codesOf(vae, true), mmdGauss) : NaN),
    testRecon() {
      return tf.tidy(() => {
        const x = tf.tensor2d(testPixels, [nTest, PIX]);
        return bceSum(main.dec.apply(decInput(codeOf(main.enc, x), testY())), x).dataSync()[0];
      });
    },
    partAccuracy() {
      // Nearest part centre: the mean of many draws from each part of the prior.
      const centres = new Float32Array(20);
      const r2 = new Rng(99);
      const p = new Float32Array(2);
      for (let k = 0; k < 10; k++) {
        for (let i = 0; i < 400; i++) {
          samplePrior(prior, r2, p, 0, k);
          centres[2 * k] += p[0] / 400;
          centres[2 * k + 1] += p[1] / 400;
        }
      }
      const z = codesOf(main);
      let hit = 0;
      for (let i = 0; i < nTest; i++) {
        let best = 0;
        let bd = Infinity;
        for (let k = 0; k < 10; k++) {
          const d = (z[2 * i] - centres[2 * k]) ** 2 + (z[2 * i + 1] - centres[2 * k + 1]) ** 2;
          if (d < bd) {
            bd = d;
            best = k;
          }
        }
        if (best === testLabels[i]) hit++;
      }
      return hit / nTest;
    },
    numVariables() {
      return [main, vae].reduce((n, c) => n + (c ? c.enc.variables().length + c.dec.variables().length + (c.disc?.variables().length ?? 0) : 0), 0);
    },
    command(name) {
      throw new Error(`unknown command ${name}`);
    },
    save() {
      const out: NamedWeights = {};
      const cores: [string, Core | null][] = [['', main], ['vae_', vae]];
      for (const [p, c] of cores) {
        if (!c) continue;
        Object.assign(out, c.enc.named(`${p}enc`), c.dec.named(`${p}dec`), c.disc?.named(`${p}disc`) ?? {});
      }
      return out;
    },
    load(weights, at) {
      const cores: [string, Core | null][] = [['', main], ['vae_', vae]];
      for (const [p, c] of cores) {
        if (!c) continue;
        c.enc.loadNamed(`${p}enc`, weights);
        c.dec.loadNamed(`${p}dec`, weights);
        c.disc?.loadNamed(`${p}disc`, weights);
      }
      step = at;
      loaded = true;
      history.length = 0;
      cache = { step: -1, mmd: NaN };
      viewCache = { step: -1, view: null };
    },
    dispose() {
      for (const c of [main, vae]) {
        if (!c) continue;
        c.enc.dispose();
        c.dec.dispose();
        c.disc?.dispose();
        c.optAe.dispose();
        c.optD?.dispose();
        c.optG?.dispose();
      }
    },
  };
  return model;
}
