/**
 * Chapter 3's widget model: a variational autoencoder on binarised MNIST with a 2-D latent.
 * Encoder 784 -> hidden (ReLU) -> (mu, pre-sigma), sigma = softplus(pre-sigma); decoder
 * 2 -> hidden (ReLU) -> 784 Bernoulli logits. One step = one Adam update on a minibatch of the
 * training split with the reparameterised single-sample ELBO (textbook 13.28), the KL term
 * weighted by beta. The test ELBO is measured on a fixed 500-digit subset of the test split.
 */
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { readTidy, tf } from '../../lib/tf-backend';
import { MLP, disposeOptimizer, makeOptimizer, setLearningRate } from '../../lib/nn/mlp';
import { SPLITS, batchPixels, type Mnist } from '../../lib/data/mnist';
import type { Model } from '../../lib/model';
import type { NamedWeights } from '../../lib/checkpoint';
import {
  VAE_EVAL_COUNT,
  VAE_GRID,
  VAE_INTERP,
  VAE_LATENT,
  VAE_PIXELS,
  VAE_REFRESH_STEPS,
  normalQuantile,
  type VaeEval,
  type VaeView,
} from './settings';

export * from './settings';

function toBytes(d: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, d[i])) * 255);
  return out;
}

export interface VaeModel extends Model {
  encoder: MLP;
  decoder: MLP;
  /** Test-subset ELBO (nats per image) now, recomputed. */
  evaluate(): VaeEval;
  /** Encoder outputs for a batch of images [n, 784]: mu [n, 2] and sigma [n, 2] (caller disposes). */
  encode(x: tf.Tensor2D): { mu: tf.Tensor2D; sigma: tf.Tensor2D };
  /** Decoder Bernoulli means for latents [n, 2] (caller disposes). */
  decode(z: tf.Tensor2D): tf.Tensor2D;
  /** Last training step's minibatch numbers (nats per image). */
  lastBatch(): { recon: number; kl: number };
  epoch(): number;
  view(): VaeView;
  save(): NamedWeights;
  load(weights: NamedWeights, step: number): void;
}

export function createModel(values: Values, data: Mnist): VaeModel {
  const hidden = Number(values.hidden);
  const lr = Number(values.lr);
  const batch = Number(values.batch);
  let beta = Number(values.beta);
  const trainSize = Math.min(Number(values.train_size), SPLITS.train.end - SPLITS.train.start);
  if (!(lr > 0) || !Number.isFinite(lr)) throw new Error('learning rate must be a positive number');
  if (data.rows * data.cols !== VAE_PIXELS) throw new Error(`expected 28x28 digits, got ${data.rows}x${data.cols}`);
  const rng = new Rng(Number(values.seed));
  const initRng = rng.fork();
  const batchRng = rng.fork();
  const noiseRng = rng.fork();
  const evalRng = new Rng(Number(values.seed) * 31 + 7);

  const encoder = new MLP(VAE_PIXELS, [{ units: hidden, activation: 'relu' }, { units: 2 * VAE_LATENT, activation: 'linear' }], initRng, 'enc');
  const decoder = new MLP(VAE_LATENT, [{ units: hidden, activation: 'relu' }, { units: VAE_PIXELS, activation: 'linear' }], initRng, 'dec');
  const opt = makeOptimizer('adam', lr, 0.9);
  const vars = [...encoder.variables(), ...decoder.variables()];

  // Binarised training digits stay in JS: a minibatch is a row copy and one upload, which is
  // faster on WASM than tf.gather from an on-device training set. The eval subset is on the backend.
  const trainIdx = Array.from({ length: trainSize }, (_, i) => SPLITS.train.start + i);
  const trainPix = batchPixels(data, trainIdx, true);
  const batchBuf = new Float32Array(batch * VAE_PIXELS);
  const evalIdx = Array.from({ length: VAE_EVAL_COUNT }, (_, i) => SPLITS.test.start + i);
  const evalX = tf.tensor2d(batchPixels(data, evalIdx, true), [VAE_EVAL_COUNT, VAE_PIXELS]);
  const evalLabels = Uint8Array.from(evalIdx, (i) => data.labels[i]);
  // Fixed noise for the test ELBO so that successive readouts differ only by training.
  const evalNoise = tf.tensor2d(Float32Array.from({ length: VAE_EVAL_COUNT * VAE_LATENT }, () => evalRng.normal()), [VAE_EVAL_COUNT, VAE_LATENT]);
  // Picks: the first two of each digit class in the eval subset, ordered by class.
  const pickIdx: number[] = [];
  for (let c = 0; c < 10; c++) {
    let found = 0;
    for (let i = 0; i < VAE_EVAL_COUNT && found < 2; i++) {
      if (evalLabels[i] === c) {
        pickIdx.push(i);
        found++;
      }
    }
  }
  const pickLabels = Uint8Array.from(pickIdx, (i) => evalLabels[i]);
  const picksX = tf.tensor2d(batchPixels(data, pickIdx.map((i) => evalIdx[i]), true), [pickIdx.length, VAE_PIXELS]);
  const picksBytes = toBytes(picksX.dataSync());
  // Grid latents: normal quantiles of an evenly spaced grid in (0, 1), as in Kingma & Welling's figure.
  const gridZ = new Float32Array(VAE_GRID * VAE_GRID * 2);
  const qs = Array.from({ length: VAE_GRID }, (_, i) => normalQuantile((i + 0.5) / VAE_GRID));
  for (let r = 0; r < VAE_GRID; r++) {
    for (let c = 0; c < VAE_GRID; c++) {
      gridZ[(r * VAE_GRID + c) * 2] = qs[c];
      gridZ[(r * VAE_GRID + c) * 2 + 1] = qs[VAE_GRID - 1 - r];
    }
  }
  const gridT = tf.tensor2d(gridZ, [VAE_GRID * VAE_GRID, 2]);

  let order: number[] = [];
  let cursor = 0;
  let epochsDone = 0;
  let stepCount = 0;
  let last = { recon: NaN, kl: NaN };
  let histStride = 1;
  const hist = { step: [] as number[], recon: [] as number[], kl: [] as number[] };
  const tests = { step: [] as number[], elbo: [] as number[] };
  let interpA = 0;
  let interpB = Math.min(pickIdx.length - 1, 15);
  let cached: { step: number; eval: VaeEval; view: Omit<VaeView, 'step' | 'histStep' | 'histRecon' | 'histKl' | 'testStep' | 'testElbo' | 'beta'> } | null = null;
  let refreshTime = 0;
  /** The test ELBO is recorded every TEST_EVERY steps, counted in steps (not in time): the curve is the same on any machine. */
  const TEST_EVERY = VAE_REFRESH_STEPS;
  let lastEval: { step: number; ev: VaeEval } | null = null;
  function evaluateNow(): VaeEval {
    if (lastEval?.step !== stepCount) lastEval = { step: stepCount, ev: evaluate() };
    return lastEval.ev;
  }
  function recordTest() {
    if (stepCount % TEST_EVERY !== 0 || tests.step[tests.step.length - 1] === stepCount) return;
    tests.step.push(stepCount);
    tests.elbo.push(evaluateNow().elbo);
    if (tests.step.length > 400) {
      // Keep the first point and every other one after it.
      tests.step = tests.step.filter((_, i) => i % 2 === 0);
      tests.elbo = tests.elbo.filter((_, i) => i % 2 === 0);
    }
  }

  function nextBatch(): number[] {
    const out: number[] = [];
    while (out.length < batch) {
      if (cursor >= order.length) {
        if (order.length) epochsDone++;
        order = batchRng.shuffle(Array.from({ length: trainSize }, (_, i) => i));
        cursor = 0;
      }
      out.push(order[cursor++]);
    }
    return out;
  }

  function encode(x: tf.Tensor2D) {
    return tf.tidy(() => {
      const h = encoder.apply(x, undefined, false); // x is data: no input gradient
      const mu = tf.slice(h, [0, 0], [-1, VAE_LATENT]) as tf.Tensor2D;
      // softplus keeps sigma positive (textbook 13.10); the floor avoids log 0.
      const sigma = tf.add(tf.softplus(tf.slice(h, [0, VAE_LATENT], [-1, VAE_LATENT])), 1e-4) as tf.Tensor2D;
      return { mu, sigma };
    });
  }

  /** Per-image reconstruction term -log p(x|z) (Bernoulli, from logits) and KL, both [n]. */
  function terms(x: tf.Tensor2D, eps: tf.Tensor2D) {
    const { mu, sigma } = encode(x);
    const z = tf.add(mu, tf.mul(sigma, eps)) as tf.Tensor2D; // reparameterisation (13.27)
    const logits = decoder.apply(z);
    // -log Bernoulli(x | sigmoid(l)) = softplus(l) - x l, summed over pixels.
    const nll = tf.sum(tf.sub(tf.softplus(logits), tf.mul(x, logits)), 1);
    // KL(N(mu, sigma^2) || N(0, 1)) summed over latent dimensions (13.26).
    const kl = tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.square(mu), tf.square(sigma)), tf.add(1, tf.mul(2, tf.log(sigma)))), 1));
    return { nll, kl };
  }

  function trainStep() {
    const idx = nextBatch();
    const epsArr = new Float32Array(batch * VAE_LATENT);
    for (let i = 0; i < epsArr.length; i++) epsArr[i] = noiseRng.normal();
    const out = tf.tidy(() => {
      for (let b = 0; b < batch; b++) batchBuf.set(trainPix.subarray(idx[b] * VAE_PIXELS, (idx[b] + 1) * VAE_PIXELS), b * VAE_PIXELS);
      const x = tf.tensor2d(batchBuf, [batch, VAE_PIXELS]);
      const eps = tf.tensor2d(epsArr, [batch, VAE_LATENT]);
      let parts: tf.Tensor[] = [];
      const cost = opt.minimize(
        () => {
          const { nll, kl } = terms(x, eps);
          const r = tf.mean(nll);
          const k = tf.mean(kl);
          parts = [tf.keep(r), tf.keep(k)];
          return tf.add(r, tf.mul(beta, k)) as tf.Scalar;
        },
        true,
        vars,
      );
      cost?.dispose();
      return parts;
    });
    const [r, k] = out.map((t) => t.dataSync()[0]);
    tf.dispose(out);
    last = { recon: r, kl: k };
    stepCount++;
    recordTest();
    // Record every `stride`-th step; when full, keep every other entry and double the stride.
    if (stepCount % histStride === 0) {
      hist.step.push(stepCount);
      hist.recon.push(r);
      hist.kl.push(k);
      if (hist.step.length >= 2000) {
        histStride *= 2;
        const keep = hist.step.map((s) => s % histStride === 0);
        for (const key of ['step', 'recon', 'kl'] as const) hist[key] = hist[key].filter((_, i) => keep[i]);
      }
    }
  }

  function evaluate(): VaeEval {
    return tf.tidy(() => {
      const { nll, kl } = terms(evalX, evalNoise);
      const recon = tf.mean(nll).dataSync()[0];
      const k = tf.mean(kl).dataSync()[0];
      return { elbo: -(recon + k), recon, kl: k };
    });
  }

  function decode(z: tf.Tensor2D) {
    return tf.tidy(() => tf.sigmoid(decoder.apply(z)) as tf.Tensor2D);
  }

  function interpBytes(means: Float32Array): Uint8Array {
    const za = [means[interpA * 2], means[interpA * 2 + 1]];
    const zb = [means[interpB * 2], means[interpB * 2 + 1]];
    const zs = new Float32Array(VAE_INTERP * 2);
    for (let i = 0; i < VAE_INTERP; i++) {
      const t = i / (VAE_INTERP - 1);
      zs[i * 2] = (1 - t) * za[0] + t * zb[0];
      zs[i * 2 + 1] = (1 - t) * za[1] + t * zb[1];
    }
    return toBytes(readTidy(() => decode(tf.tensor2d(zs, [VAE_INTERP, 2]))));
  }

  function refresh() {
    const ev = evaluateNow();
    // Tensors out of the tidy, read back outside it (tidy walks returned typed arrays).
    const t = tf.tidy(() => {
      const pm = encode(picksX).mu;
      return [encode(evalX).mu, decode(gridT), pm, decode(pm)];
    });
    const [latent, gridPix, pickMeans, reconPix] = t.map((x) => x.dataSync() as Float32Array);
    tf.dispose(t);
    const v = { latent: Float32Array.from(latent), grid: toBytes(gridPix), recons: toBytes(reconPix), pickMeans: Float32Array.from(pickMeans) };
    cached = {
      step: stepCount,
      eval: ev,
      view: {
        refreshedAt: stepCount,
        latent: v.latent,
        labels: evalLabels,
        grid: v.grid,
        gridRange: qs[VAE_GRID - 1],
        picks: picksBytes,
        recons: v.recons,
        pickLabels,
        interp: interpBytes(v.pickMeans),
        interpA,
        interpB,
      },
    };
    (cached as { pickMeans?: Float32Array }).pickMeans = v.pickMeans;
    recordTest();
    refreshTime = now();
  }

  /**
   * The drawn view (scatter, grid, readout ELBO) is brought up to date every VAE_REFRESH_STEPS
   * steps, or after 3 s at slow speeds; what is recorded (the test-ELBO curve) is counted in steps.
   */
  function ensureFresh() {
    if (!cached) return refresh();
    const behind = stepCount - cached.step;
    if (behind >= VAE_REFRESH_STEPS || (behind > 0 && now() - refreshTime > 3000)) refresh();
  }

  return {
    encoder,
    decoder,
    encode,
    decode,
    evaluate,
    lastBatch: () => last,
    epoch: () => epochsDone + (order.length ? cursor / trainSize : 0),
    step() {
      trainStep();
    },
    save() {
      return { ...encoder.named('enc'), ...decoder.named('dec') };
    },
    load(weights, step) {
      encoder.loadNamed('enc', weights);
      decoder.loadNamed('dec', weights);
      stepCount = step;
      // Passes over the training digits so far; the next minibatch starts a fresh shuffle.
      epochsDone = (step * batch) / trainSize;
      order = [];
      cursor = 0;
      hist.step = [];
      hist.recon = [];
      hist.kl = [];
      tests.step = [];
      tests.elbo = [];
      cached = null;
      lastEval = null;
    },
    /** Live settings: the learning rate and beta (weights, Adam's moments and the step count stay). */
    update(next) {
      setLearningRate(opt, Number(next.lr));
      beta = Number(next.beta);
    },
    metrics() {
      ensureFresh();
      const ev = cached!.eval;
      return {
        epoch: Math.round((epochsDone + (order.length ? cursor / trainSize : 0)) * 100) / 100,
        elbo: ev.elbo,
        recon: ev.recon,
        kl: ev.kl,
      };
    },
    view(): VaeView {
      ensureFresh();
      return {
        ...cached!.view,
        step: stepCount,
        histStep: Float32Array.from(hist.step),
        histRecon: Float32Array.from(hist.recon),
        histKl: Float32Array.from(hist.kl),
        testStep: Float32Array.from(tests.step),
        testElbo: Float32Array.from(tests.elbo),
        beta,
      };
    },
    command(name, payload) {
      if (name === 'refresh') {
        refresh();
        return { step: stepCount };
      }
      if (name === 'interp') {
        const p = (payload ?? {}) as { a?: number; b?: number };
        const ok = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < pickIdx.length;
        if (p.a !== undefined && !ok(p.a)) throw new Error(`pick a must be a whole number from 0 to ${pickIdx.length - 1}`);
        if (p.b !== undefined && !ok(p.b)) throw new Error(`pick b must be a whole number from 0 to ${pickIdx.length - 1}`);
        if (p.a !== undefined) interpA = p.a;
        if (p.b !== undefined) interpB = p.b;
        if (cached) {
          const means = (cached as { pickMeans?: Float32Array }).pickMeans!;
          cached.view = { ...cached.view, interp: interpBytes(means), interpA, interpB };
        }
        return { a: interpA, b: interpB };
      }
      throw new Error(`unknown command ${name}`);
    },
    dispose() {
      encoder.dispose();
      decoder.dispose();
      disposeOptimizer(opt);
      tf.dispose([evalX, evalNoise, picksX, gridT]);
    },
  };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

