/**
 * The optimal-discriminator verifier (chapter 4). Two 1-D distributions typed by the reader:
 * p_data and a frozen generator's p_g. A small MLP discriminator D is trained on minibatches
 * from both with binary cross-entropy, exactly the inner loop of Algorithm 1 with G held fixed.
 * Proposition 1 says D should approach D*(x) = p_data(x) / (p_data(x) + p_g(x)), and the value
 * V(D, G) should rise to C(G) = -log 4 + 2 JSD(p_data || p_g). Both are checked by quadrature
 * against the true densities, so the readouts carry no minibatch noise.
 */
import { tf } from '../../lib/tf-backend';
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { MLP, disposeOptimizer, makeOptimizer } from '../../lib/nn/mlp';
import { breakpoints, mean, parseMixture, pdf, sampleMany, support, variance, type Mixture } from '../../lib/density/mixture';
import { jsd, optimalD } from '../../lib/density/divergences';
import { linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';

export { OPTD_PRESETS, DEFAULT_PDATA, DEFAULT_PG, specs } from './settings';

/** Nodes and weights of composite Simpson on [a, b], split at the breakpoints (density jumps). */
export function simpsonRule(a: number, b: number, breaks: number[], n: number): { x: Float64Array; w: Float64Array } {
  const pts = [a, ...breaks.filter((t) => t > a && t < b), b];
  const xs: number[] = [];
  const ws: number[] = [];
  for (let p = 0; p < pts.length - 1; p++) {
    const lo = pts[p];
    const hi = pts[p + 1];
    let m = Math.max(16, Math.round((n * (hi - lo)) / (b - a)));
    if (m % 2) m++;
    // Nudge inward so that a jump at a piece's edge is read from the inside.
    const eps = (hi - lo) * 1e-9;
    const h = (hi - lo - 2 * eps) / m;
    for (let i = 0; i <= m; i++) {
      xs.push(lo + eps + i * h);
      ws.push(((i === 0 || i === m ? 1 : i % 2 ? 4 : 2) * h) / 3);
    }
  }
  return { x: Float64Array.from(xs), w: Float64Array.from(ws) };
}

export interface OptimalDView {
  xs: Float32Array;
  pdata: Float32Array;
  pg: Float32Array;
  d: Float32Array;
  dstar: Float32Array;
  /** The grid points counted by max_gap (p_data + p_g at least 1% of its maximum). */
  mask: Uint8Array;
  history: { step: number; value: number }[];
  valueOptimal: number;
}

export interface OptimalDModel extends Model {
  view(): OptimalDView;
  /** D(x) on arbitrary points (for tests). */
  discriminator(xs: ArrayLike<number>): Float64Array;
  readonly pData: Mixture;
  readonly pG: Mixture;
}

const LOG4 = Math.log(4);

export function createModel(values: Values): OptimalDModel {
  const pData = parseMixture(String(values.pdata));
  const pG = parseMixture(String(values.pg));
  const lr = Number(values.lr);
  const hidden = Number(values.hidden);
  const batch = Number(values.batch);
  const rng = new Rng(Number(values.seed));
  const dataRng = rng.fork();
  const genRng = rng.fork();

  // D sees a standardised input so that one learning rate suits every range the reader types.
  // (centre and spread of the equal mixture of the two).
  const [lo, hi] = support([pData, pG], 0.05);
  const md = mean(pData);
  const mg = mean(pG);
  const centre = 0.5 * (md + mg);
  const scale = Math.sqrt(0.5 * (variance(pData) + variance(pG)) + 0.25 * (md - mg) ** 2);

  const net = new MLP(
    1,
    [
      { units: hidden, activation: 'tanh' },
      { units: hidden, activation: 'tanh' },
      { units: 1, activation: 'linear' },
    ],
    rng,
    'optd',
  );
  const opt = makeOptimizer('adam', lr, 0.9);

  // Quadrature nodes for value (fine, split at uniform edges) and a display grid for the chart.
  const rule = simpsonRule(lo, hi, breakpoints([pData, pG]), 3000);
  const qData = Float64Array.from(rule.x, (x) => pdf(pData, x));
  const qG = Float64Array.from(rule.x, (x) => pdf(pG, x));
  const xs = linspace(lo, hi, 401);
  const gData = Float64Array.from(xs, (x) => pdf(pData, x));
  const gG = Float64Array.from(xs, (x) => pdf(pG, x));
  const dStar = Float64Array.from(xs, (_, i) => optimalD(gData[i], gG[i]));
  let peak = 0;
  for (let i = 0; i < xs.length; i++) peak = Math.max(peak, gData[i] + gG[i]);
  const mask = Uint8Array.from(xs, (_, i) => (gData[i] + gG[i] >= 0.01 * peak ? 1 : 0));
  const jsdValue = jsd(pData, pG);
  const valueOptimal = -LOG4 + 2 * jsdValue;

  const xBuf = new Float32Array(2 * batch);
  const yBuf = new Float32Array(2 * batch);
  for (let i = 0; i < batch; i++) yBuf[i] = 1;
  const labels = tf.keep(tf.tensor2d(yBuf, [2 * batch, 1]));

  let cache: { step: number; logits: Float64Array; gridLogits: Float64Array } | null = null;
  let steps = 0;
  const history: { step: number; value: number }[] = [];

  function logitsAt(points: ArrayLike<number>): Float64Array {
    const input = new Float32Array(points.length);
    for (let i = 0; i < points.length; i++) input[i] = (points[i] - centre) / scale;
    const out = tf.tidy(() => net.apply(tf.tensor2d(input, [points.length, 1])).dataSync());
    return Float64Array.from(out);
  }

  function evaluate() {
    if (cache && cache.step === steps) return cache;
    cache = { step: steps, logits: logitsAt(rule.x), gridLogits: logitsAt(xs) };
    return cache;
  }

  /** V(D, G) = ∫ p_data log D + p_g log(1 - D), with log D = -softplus(-l) computed stably. */
  function value(): number {
    const { logits } = evaluate();
    let v = 0;
    for (let i = 0; i < logits.length; i++) {
      const l = logits[i];
      const logD = -softplus(-l);
      const log1mD = -softplus(l);
      if (qData[i] > 0) v += rule.w[i] * qData[i] * logD;
      if (qG[i] > 0) v += rule.w[i] * qG[i] * log1mD;
    }
    return v;
  }

  function dOnGrid(): Float64Array {
    const { gridLogits } = evaluate();
    return Float64Array.from(gridLogits, sigmoid);
  }

  function maxGap(): number {
    const d = dOnGrid();
    let g = 0;
    for (let i = 0; i < xs.length; i++) if (mask[i]) g = Math.max(g, Math.abs(d[i] - dStar[i]));
    return g;
  }

  history.push({ step: 0, value: value() });

  return {
    pData,
    pG,
    step() {
      // Minibatch: batch samples from p_data (label 1), batch from p_g (label 0).
      const real = sampleMany(pData, dataRng, batch);
      const fake = sampleMany(pG, genRng, batch);
      for (let i = 0; i < batch; i++) {
        xBuf[i] = (real[i] - centre) / scale;
        xBuf[batch + i] = (fake[i] - centre) / scale;
      }
      tf.tidy(() => {
        const x = tf.tensor2d(xBuf, [2 * batch, 1]);
        opt.minimize(() => tf.losses.sigmoidCrossEntropy(labels, net.apply(x)) as tf.Scalar, false, net.variables());
      });
      steps++;
      if (steps % 25 === 0) {
        history.push({ step: steps, value: value() });
        if (history.length > 600) history.splice(0, history.length - 600);
      }
    },
    metrics() {
      const v = value();
      return { value: v, value_optimal: valueOptimal, jsd: jsdValue, max_gap: maxGap() };
    },
    view(): OptimalDView {
      const d = dOnGrid();
      return {
        xs: Float32Array.from(xs),
        pdata: Float32Array.from(gData),
        pg: Float32Array.from(gG),
        d: Float32Array.from(d),
        dstar: Float32Array.from(dStar),
        mask,
        history: history.slice(),
        valueOptimal,
      };
    },
    discriminator(points) {
      return Float64Array.from(logitsAt(points), sigmoid);
    },
    dispose() {
      net.dispose();
      disposeOptimizer(opt);
      labels.dispose();
    },
  };
}

function softplus(x: number): number {
  return x > 30 ? x : x < -30 ? Math.exp(x) : Math.log1p(Math.exp(x));
}

function sigmoid(l: number): number {
  return 1 / (1 + Math.exp(-l));
}
