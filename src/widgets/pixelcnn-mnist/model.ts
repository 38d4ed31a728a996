/**
 * A small PixelCNN trained on binarised MNIST (widget `pixelcnn-mnist`): mask-A first layer,
 * mask-B residual layers, one Bernoulli logit per pixel (../pixelcnn/net.ts), Adam on the NLL.
 * Sampling and completion are commands that fill a batch of images a few pixels per call, so the
 * page can animate them; each pixel costs one forward pass over all the images at once. The
 * network runs only on the window of pixels that can influence the current one (its receptive
 * field through the masks, ../pixelcnn/masks.ts influenceSet): 7 rows by 13 columns for the default
 * net, not the whole image. With 'same' zero padding the window's borders inside the image differ
 * from the full image, but those differences never reach the centre pixel, so its logit is the
 * full network's (tests/unit/pixelcnn-sampling.test.ts).
 */
import { tf } from '../../lib/tf-backend';
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { Rng } from '../../lib/rng';
import type { NamedWeights } from '../../lib/checkpoint';
import { loadVariables, saveVariables } from '../../lib/nn/weights';
import type { Model } from '../../lib/model';
import { batchPixels, SPLITS, type Mnist } from '../../lib/data/mnist';
import { PixelCnnNet } from '../../lib/pixelcnn/net';
import { influenceSet, type Layout } from '../../lib/pixelcnn/masks';

export const PIX = 28;
export const D = PIX * PIX;
export const LN2 = Math.log(2);

import { specs } from './settings';
export { specs };

/** Test digits used for the held-out NLL (fixed, the first of the test split). */
export const TEST_EVAL = 100;
export const EVAL_EVERY = 25;

export interface PixelcnnMnistView {
  steps: number[];
  trainNll: number[];
  testSteps: number[];
  testNll: number[];
  /** Images being sampled or completed, [n * 784], values 0/1; null before the first run. */
  canvas: Float32Array | null;
  /** Originals of the digits being completed (for comparison), else null. */
  originals: Float32Array | null;
  n: number;
  cursor: number;
  /** First pixel that was drawn (0 for sampling, the first hidden pixel for completion). */
  start: number;
  mode: 'sample' | 'complete' | null;
  stepMs: number;
  passMs: number;
  sampleMs: number;
}

export type PixelcnnMnist = Model & {
  save(): NamedWeights;
  load(weights: NamedWeights, step: number): void;
  net: PixelCnnNet;
  testNll(): number;
  /** Runs `pixels` sampling passes (or until done); returns the pixels done and the time. */
  samplePixels(pixels: number): { cursor: number; done: boolean; ms: number };
  /** P(pixel (r, c) = 1) for each image of the current run, from the window the sampler uses. */
  pixelProbs(r: number, c: number): Float32Array;
};

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createModel(values: Values, data: Mnist): PixelcnnMnist {
  const rng = new Rng(Number(values.seed));
  const dataRng = rng.fork();
  const sampleRng = rng.fork();
  const B = Number(values.batch);
  const S = Number(values.samples);

  // Output bias: log-odds of the mean training pixel, so training starts from the marginal.
  const probe = batchPixels(data, Array.from({ length: 500 }, (_, i) => SPLITS.train.start + i), true);
  const mean = probe.reduce((s, v) => s + v, 0) / probe.length;
  const net = new PixelCnnNet(
    {
      layout: (values.layout === 'gated' ? 'gated' : 'plain') as Layout,
      layers: Number(values.layers),
      channels: Number(values.channels),
      firstKernel: Number(values.first_kernel),
      kernel: 3,
      outBias: Math.log(mean / (1 - mean)),
    },
    rng,
  );
  const opt = tf.train.adam(Number(values.lr), 0.9, 0.999);
  const trainCount = SPLITS.train.end - SPLITS.train.start;
  const batchBuf = new Float32Array(B * D);
  const idx = new Array<number>(B);

  const testIdx = Array.from({ length: TEST_EVAL }, (_, i) => SPLITS.test.start + i);
  const testX = tf.keep(tf.tensor4d(batchPixels(data, testIdx, true), [TEST_EVAL, PIX, PIX, 1]));

  const steps: number[] = [];
  const trainNll: number[] = [];
  const testSteps: number[] = [];
  const testNll: number[] = [];
  let step = 0;
  let recent: number[] = [];
  let stepMs = 0;

  let canvas: Float32Array | null = null;
  let originals: Float32Array | null = null;
  let cursor = 0;
  let start = 0;
  let mode: 'sample' | 'complete' | null = null;
  let runMs = 0;
  let runPasses = 0;
  let passMs = 0;
  let sampleMs = 0;

  function evalTest(): number {
    const v = tf.tidy(() => {
      // Chunks keep memory small; the NLL is a mean over the test digits.
      let total = 0;
      for (let s = 0; s < TEST_EVAL; s += 50) {
        const n = Math.min(50, TEST_EVAL - s);
        const x = tf.slice(testX, [s, 0, 0, 0], [n, PIX, PIX, 1]);
        total += net.nll(x).dataSync()[0] * n;
      }
      return total / TEST_EVAL;
    });
    testSteps.push(step);
    testNll.push(v);
    return v;
  }
  evalTest();

  function trainStep() {
    const t0 = now();
    net.releaseInference(); // the sampler's kept kernels are about to be stale
    for (let b = 0; b < B; b++) idx[b] = SPLITS.train.start + dataRng.int(trainCount);
    batchPixels(data, idx, true, batchBuf);
    const loss = tf.tidy(() => {
      const x = tf.tensor4d(batchBuf, [B, PIX, PIX, 1]);
      // The images are data: skip the first layer's input gradient.
      const cost = opt.minimize(() => net.nll(x, false), true, net.variables());
      return cost!.dataSync()[0];
    });
    step++;
    recent.push(loss);
    if (recent.length >= 10) {
      steps.push(step);
      trainNll.push(recent.reduce((s, v) => s + v, 0) / recent.length);
      recent = [];
    }
    if (step % EVAL_EVERY === 0) evalTest();
    const dt = now() - t0;
    stepMs = stepMs === 0 ? dt : 0.9 * stepMs + 0.1 * dt;
    if (steps.length > 4000) {
      steps.splice(0, 2000);
      trainNll.splice(0, 2000);
    }
  }

  // Reach of the receptive field: rows above, columns left and right of a pixel (measured on a
  // grid big enough that no side is cut off).
  const reach = (() => {
    const size = 64;
    const at = 40;
    const g = influenceSet({ layout: net.cfg.layout, layers: net.cfg.layers, firstKernel: net.cfg.firstKernel, kernel: net.cfg.kernel }, at, at - 8, size);
    let up = 0;
    let left = 0;
    let right = 0;
    for (let i = 0; i < g.length; i++) {
      if (!g[i]) continue;
      const rr = Math.floor(i / size);
      const cc = i % size;
      up = Math.max(up, at - rr);
      left = Math.max(left, at - 8 - cc);
      right = Math.max(right, cc - (at - 8));
    }
    return { up, left, right };
  })();
  let winBuf = new Float32Array(0);

  /** The probability of pixel `cursor` being on, for each image, from the window around it. */
  function pixelProbs(n: number, r: number, c: number): Float32Array {
    const r0 = Math.max(0, r - reach.up);
    const c0 = Math.max(0, c - reach.left);
    const c1 = Math.min(PIX - 1, c + reach.right);
    const h = r - r0 + 1;
    const w = c1 - c0 + 1;
    if (winBuf.length < n * h * w) winBuf = new Float32Array(n * h * w);
    for (let k = 0; k < n; k++)
      for (let i = 0; i < h; i++) {
        const src = k * D + (r0 + i) * PIX;
        winBuf.set(canvas!.subarray(src + c0, src + c1 + 1), (k * h + i) * w);
      }
    return tf.tidy(() => {
      const x = tf.tensor4d(winBuf.subarray(0, n * h * w), [n, h, w, 1]);
      const z = tf.slice(net.inferenceLogits(x), [0, r - r0, c - c0, 0], [n, 1, 1, 1]);
      return tf.sigmoid(z).dataSync() as Float32Array;
    });
  }

  function samplePixels(pixels: number) {
    if (!canvas || !mode) throw new Error('start a sampling or completion run first');
    const n = canvas.length / D;
    const t0 = now();
    let done = 0;
    while (done < pixels && cursor < D) {
      const r = Math.floor(cursor / PIX);
      const c = cursor % PIX;
      const tp = now();
      const probs = pixelProbs(n, r, c);
      for (let k = 0; k < n; k++) canvas[k * D + cursor] = sampleRng.next() < probs[k] ? 1 : 0;
      const dt = now() - tp;
      passMs = passMs === 0 ? dt : 0.95 * passMs + 0.05 * dt;
      runMs += dt;
      runPasses++;
      cursor++;
      done++;
    }
    if (cursor >= D && mode === 'sample' && start === 0 && runPasses === D) sampleMs = runMs;
    if (cursor >= D) net.releaseInference(); // the run is over: free the kept kernels
    return { cursor, done: cursor >= D, ms: now() - t0 };
  }

  return {
    net,
    step: trainStep,
    metrics() {
      const t = testNll[testNll.length - 1];
      return {
        nll_nats: t,
        bits_per_dim: t / (D * LN2),
        train_nll: trainNll.length ? trainNll[trainNll.length - 1] : t,
        step_ms: stepMs,
        sample_ms: sampleMs > 0 ? sampleMs : '–',
      };
    },
    view(): PixelcnnMnistView {
      return {
        steps: steps.slice(),
        trainNll: trainNll.slice(),
        testSteps: testSteps.slice(),
        testNll: testNll.slice(),
        canvas: canvas ? canvas.slice() : null,
        originals: originals ? originals.slice() : null,
        n: canvas ? canvas.length / D : 0,
        cursor,
        start,
        mode,
        stepMs,
        passMs,
        sampleMs,
      };
    },
    command(name, payload) {
      const p = (payload ?? {}) as { pixels?: number; n?: number; hideFrom?: number; offset?: number };
      switch (name) {
        case 'sample_start': {
          const n = Math.max(1, Math.min(32, Math.floor(Number(p.n ?? S))));
          canvas = new Float32Array(n * D);
          originals = null;
          cursor = 0;
          start = 0;
          mode = 'sample';
          runMs = 0;
          runPasses = 0;
          return { n };
        }
        case 'complete_start': {
          const n = Math.max(1, Math.min(32, Math.floor(Number(p.n ?? S))));
          const hideFrom = Math.floor(Number(p.hideFrom ?? 14));
          if (!(hideFrom >= 1 && hideFrom <= PIX - 1)) throw new Error(`hide from a row between 1 and ${PIX - 1}`);
          const offset = Math.max(0, Math.floor(Number(p.offset ?? 0))) % (SPLITS.test.end - SPLITS.test.start - n);
          const ids = Array.from({ length: n }, (_, i) => SPLITS.test.start + offset + i);
          originals = batchPixels(data, ids, true);
          canvas = originals.slice();
          start = hideFrom * PIX;
          for (let k = 0; k < n; k++) canvas.fill(0, k * D + start, (k + 1) * D);
          cursor = start;
          mode = 'complete';
          runMs = 0;
          runPasses = 0;
          return { n, start };
        }
        case 'sample_step': {
          const px = Math.max(1, Math.min(D, Math.floor(Number(p.pixels ?? 28))));
          return samplePixels(px);
        }
        default:
          throw new Error(`unknown command ${name}`);
      }
    },
    save: () => saveVariables('net', net.variables()),
    load(weights, at) {
      loadVariables('net', net.variables(), weights);
      step = at;
      steps.length = 0;
      trainNll.length = 0;
      recent = [];
      testSteps.length = 0;
      testNll.length = 0;
      evalTest();
    },
    dispose() {
      net.dispose();
      opt.dispose();
      testX.dispose();
    },
    testNll: () => testNll[testNll.length - 1],
    samplePixels,
    pixelProbs: (r: number, c: number) => {
      if (!canvas) throw new Error('start a sampling or completion run first');
      return pixelProbs(canvas.length / D, r, c);
    },
  };
}
