/**
 * Chapter 8's toy model: ALI / BiGAN in two dimensions. Data x come from a ring of Gaussians,
 * codes z from N(0, I). A generator G: z -> x, an encoder E: x -> z, and a discriminator D(x, z)
 * that tells encoder pairs (x, E(x)) from generator pairs (G(z), z). D, G and E are updated
 * together on every step (as in BiGAN), G and E with the labels swapped (non-saturating form).
 * The 'gan' mode drops E and gives D only x: the plain GAN on the same target.
 */
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { tf } from '../../lib/tf-backend';
import { MLP, makeOptimizer } from '../../lib/nn/mlp';
import type { Model } from '../../lib/model';
import { lossFake, lossReal } from '../../lib/gan/losses';
import { modeCentre } from './settings';

export * from './settings';

export interface Ali2dView {
  mode: 'ali' | 'gan';
  modes: number;
  spread: number;
  /** Test data x (interleaved), their mode index, their codes E(x) and reconstructions G(E(x)). */
  data: Float32Array;
  dataMode: Uint8Array;
  codes: Float32Array | null;
  recons: Float32Array | null;
  /** Generator samples G(z) for fixed z, and those z. */
  zs: Float32Array;
  gens: Float32Array;
  /** Images under G of grid lines in z-space: gridLines x gridPoints points each. */
  gridLines: number;
  gridPoints: number;
  gridMap: Float32Array;
  /** D's probability on a grid over x: D(x, E(x)) for ALI, D(x) for the GAN. */
  dBins: number;
  dExtent: number;
  dGrid: Float32Array;
  history: { step: number; d_loss: number; recon_error: number; modes_covered: number }[];
}

export interface Ali2dModel extends Model {
  recon(): number;
  modesCovered(): number;
  /** Share of generated samples within 3 standard deviations of some mode. */
  highQuality(): number;
  /** Share of test points whose reconstruction lands within 3 standard deviations of their own mode. */
  reconSameMode(): number;
}

export interface Ali2dOptions {
  /** Generator samples used for modes_covered. */
  evalCount?: number;
}

const EXTENT = 3;

export function createModel(values: Values, opts: Ali2dOptions = {}): Ali2dModel {
  const mode = values.mode === 'gan' ? 'gan' : 'ali';
  if (values.mode !== 'ali' && values.mode !== 'gan') throw new Error(`unknown model "${values.mode}"`);
  const gaussianEnc = values.encoder === 'gaussian';
  const modes = Number(values.modes);
  const spread = Number(values.spread);
  const lr = Number(values.lr);
  const batch = Number(values.batch);
  const hidden = Number(values.hidden);
  if (!(modes >= 2) || !(spread > 0) || !(lr > 0) || !(batch >= 1) || !(hidden >= 1)) throw new Error('bad settings');
  const rng = new Rng(Number(values.seed));
  const dataRng = rng.fork();
  const evalRng = rng.fork();
  const nEval = opts.evalCount ?? 1000;

  const G = new MLP(2, [
    { units: hidden, activation: 'leaky_relu' },
    { units: hidden, activation: 'leaky_relu' },
    { units: 2, activation: 'linear' },
  ], rng, 'ali_g');
  const E = mode === 'ali'
    ? new MLP(2, [
        { units: hidden, activation: 'leaky_relu' },
        { units: hidden, activation: 'leaky_relu' },
        { units: gaussianEnc ? 4 : 2, activation: 'linear' },
      ], rng, 'ali_e')
    : null;
  const D = new MLP(mode === 'ali' ? 4 : 2, [
    { units: 2 * hidden, activation: 'leaky_relu' },
    { units: 2 * hidden, activation: 'leaky_relu' },
    { units: 1, activation: 'linear' },
  ], rng, 'ali_d');
  const optD = makeOptimizer('adam', lr, 0.5);
  const optGE = makeOptimizer('adam', lr, 0.5);
  const geVars = [...G.variables(), ...(E ? E.variables() : [])];

  function sampleData(r: Rng, n: number, out = new Float32Array(2 * n), modeOut?: Uint8Array) {
    for (let i = 0; i < n; i++) {
      const k = r.int(modes);
      const [cx, cy] = modeCentre(k, modes);
      out[2 * i] = cx + r.normal(0, spread);
      out[2 * i + 1] = cy + r.normal(0, spread);
      if (modeOut) modeOut[i] = k;
    }
    return out;
  }
  function sampleZ(r: Rng, n: number, out = new Float32Array(2 * n)) {
    for (let i = 0; i < 2 * n; i++) out[i] = r.normal();
    return out;
  }

  /** E(x): the code, or a reparameterised draw mu + sigma * eps for the Gaussian encoder. */
  function encode(x: tf.Tensor2D, sample: boolean): tf.Tensor2D {
    const h = E!.apply(x);
    if (!gaussianEnc) return h;
    const mu = tf.slice(h, [0, 0], [-1, 2]) as tf.Tensor2D;
    if (!sample) return mu;
    const logSd = tf.clipByValue(tf.slice(h, [0, 2], [-1, 2]), -6, 2);
    return tf.add(mu, tf.mul(tf.exp(logSd), tf.randomNormal(mu.shape, 0, 1, 'float32', rng.seed()))) as tf.Tensor2D;
  }

  const xBuf = new Float32Array(2 * batch);
  const zBuf = new Float32Array(2 * batch);
  let step = 0;
  let dLoss = NaN;
  let gLoss = NaN;

  // Fixed evaluation sets.
  const nTest = 400;
  const testMode = new Uint8Array(nTest);
  const testX = sampleData(evalRng, nTest, undefined, testMode);
  const evalZ = sampleZ(evalRng, nEval);
  const gridLines = 14;
  const gridPoints = 41;
  const gridZ = new Float32Array(gridLines * gridPoints * 2);
  for (let l = 0; l < gridLines; l++) {
    const c = -2.5 + (5 * (l % 7)) / 6;
    for (let p = 0; p < gridPoints; p++) {
      const t = -2.5 + (5 * p) / (gridPoints - 1);
      const o = 2 * (l * gridPoints + p);
      // First 7 lines: z1 = const; last 7: z2 = const.
      gridZ[o] = l < 7 ? c : t;
      gridZ[o + 1] = l < 7 ? t : c;
    }
  }
  const dBins = 36;
  const dX = new Float32Array(dBins * dBins * 2);
  for (let r = 0; r < dBins; r++)
    for (let c = 0; c < dBins; c++) {
      dX[2 * (r * dBins + c)] = -EXTENT + ((c + 0.5) * 2 * EXTENT) / dBins;
      dX[2 * (r * dBins + c) + 1] = -EXTENT + ((r + 0.5) * 2 * EXTENT) / dBins;
    }

  const history: Ali2dView['history'] = [];

  function gens(z: Float32Array): Float32Array {
    return tf.tidy(() => G.apply(tf.tensor2d(z, [z.length / 2, 2])).dataSync() as Float32Array);
  }
  function codesOf(x: Float32Array): Float32Array | null {
    if (!E) return null;
    return tf.tidy(() => encode(tf.tensor2d(x, [x.length / 2, 2]), false).dataSync() as Float32Array);
  }
  function reconsOf(x: Float32Array): Float32Array | null {
    if (!E) return null;
    return tf.tidy(() => G.apply(encode(tf.tensor2d(x, [x.length / 2, 2]), false)).dataSync() as Float32Array);
  }

  function recon(): number {
    const r = reconsOf(testX);
    if (!r) return NaN;
    let s = 0;
    for (let i = 0; i < nTest; i++) s += Math.hypot(r[2 * i] - testX[2 * i], r[2 * i + 1] - testX[2 * i + 1]);
    return s / nTest;
  }

  function nearestMode(x: number, y: number): { k: number; d: number } {
    let best = 0;
    let bd = Infinity;
    for (let k = 0; k < modes; k++) {
      const [cx, cy] = modeCentre(k, modes);
      const d = Math.hypot(x - cx, y - cy);
      if (d < bd) {
        bd = d;
        best = k;
      }
    }
    return { k: best, d: bd };
  }

  function modeCounts(): { counts: number[]; good: number } {
    const g = gens(evalZ);
    const counts = new Array(modes).fill(0);
    let good = 0;
    for (let i = 0; i < nEval; i++) {
      const { k, d } = nearestMode(g[2 * i], g[2 * i + 1]);
      if (d < 3 * spread) {
        counts[k]++;
        good++;
      }
    }
    return { counts, good };
  }

  /** A mode counts as covered when at least a fifth of its fair share of samples land within 3 sd of it. */
  function modesCovered(): number {
    const { counts } = modeCounts();
    const need = (0.2 * nEval) / modes;
    return counts.filter((c) => c >= need).length;
  }

  let cache = { step: -1, recon: NaN, modes: NaN };
  function cached() {
    if (cache.step !== step) {
      cache = { step, recon: recon(), modes: modesCovered() };
      if (step % 10 === 0 || history.length === 0 || step - history[history.length - 1].step >= 10) {
        history.push({ step, d_loss: dLoss, recon_error: cache.recon, modes_covered: cache.modes });
        if (history.length > 400) history.splice(0, history.length - 400);
      }
    }
    return cache;
  }

  return {
    step() {
      sampleData(dataRng, batch, xBuf);
      sampleZ(dataRng, batch, zBuf);
      tf.tidy(() => {
        const x = tf.tensor2d(xBuf, [batch, 2]);
        const z = tf.tensor2d(zBuf, [batch, 2]);
        // Encoder pairs are "real" (label 1), generator pairs "fake" (label 0).
        const pairs = () => {
          const xg = G.apply(z);
          if (!E) return { real: x, fake: xg };
          const ze = encode(x, true);
          return { real: tf.concat([x, ze], 1) as tf.Tensor2D, fake: tf.concat([xg, z], 1) as tf.Tensor2D };
        };
        // D, G and E are updated from the same batch; the gradients for G and E use the
        // swapped labels (non-saturating), the gradient for D the true ones.
        const dc = optD.minimize(() => {
          const { real, fake } = pairs();
          return tf.add(lossReal(D.apply(real)), lossFake(D.apply(fake))) as tf.Scalar;
        }, true, D.variables());
        dLoss = dc ? dc.dataSync()[0] : NaN;
        const gc = optGE.minimize(() => {
          const { real, fake } = pairs();
          return tf.add(E ? lossFake(D.apply(real)) : tf.scalar(0), lossReal(D.apply(fake))) as tf.Scalar;
        }, true, geVars);
        gLoss = gc ? gc.dataSync()[0] : NaN;
      });
      step++;
    },
    metrics() {
      const c = cached();
      return {
        step,
        // Before the first step there is no batch loss yet: a dash, not NaN (which reads as divergence).
        d_loss: step === 0 ? '–' : dLoss,
        g_loss: step === 0 ? '–' : gLoss,
        recon_error: E ? c.recon : 'n/a',
        modes_covered: c.modes,
      };
    },
    view(): Ali2dView {
      cached();
      const dGrid = tf.tidy(() => {
        const x = tf.tensor2d(dX, [dBins * dBins, 2]);
        const inp = E ? (tf.concat([x, encode(x, false)], 1) as tf.Tensor2D) : x;
        return tf.sigmoid(D.apply(inp)).dataSync() as Float32Array;
      });
      return {
        mode,
        modes,
        spread,
        data: testX,
        dataMode: testMode,
        codes: codesOf(testX),
        recons: reconsOf(testX),
        zs: evalZ.subarray(0, 800),
        gens: gens(evalZ.subarray(0, 800)),
        gridLines,
        gridPoints,
        gridMap: gens(gridZ),
        dBins,
        dExtent: EXTENT,
        dGrid,
        history: history.slice(),
      };
    },
    recon,
    modesCovered,
    highQuality: () => modeCounts().good / nEval,
    reconSameMode() {
      const r = reconsOf(testX);
      if (!r) return NaN;
      let hit = 0;
      for (let i = 0; i < nTest; i++) {
        const { k, d } = nearestMode(r[2 * i], r[2 * i + 1]);
        if (k === testMode[i] && d < 3 * spread) hit++;
      }
      return hit / nTest;
    },
    dispose() {
      G.dispose();
      E?.dispose();
      D.dispose();
      optD.dispose();
      optGE.dispose();
    },
  };
}
