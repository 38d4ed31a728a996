/**
 * The optimal-discriminator verifier (chapter 4). Two 1-D distributions typed by the reader:
 * p_data and a frozen generator's p_g. A small MLP discriminator D is trained on minibatches
 * from both with binary cross-entropy, exactly the inner loop of Algorithm 1 with G held fixed.
 * Proposition 1 says D should approach D*(x) = p_data(x) / (p_data(x) + p_g(x)), and the value
 * V(D, G) should rise to C(G) = -log 4 + 2 JSD(p_data || p_g). Both are checked by quadrature
 * against the true densities, so the readouts carry no minibatch noise.
 *
 * What makes D converge on almost any pair the reader types (up to five normals and uniforms
 * each; chapter 4 states how many generated pairs reach the targets):
 * - D's input is x mapped linearly from the pair's range onto [-1, 1];
 * - the first hidden layer starts multi-scale: each unit is a tanh step placed at a point drawn
 *   from (p_data + p_g) / 2, with a width drawn log-uniformly between a quarter of the pair's
 *   smallest component scale and its whole range, or sharply at a uniform's edge (one unit per
 *   edge). D* has features on every scale from the
 *   narrowest component to the range; a Glorot start has only range-wide steps, and Adam, which
 *   moves each weight by about lr per step, needs tens of thousands of steps to make them a
 *   hundred times steeper;
 * - each minibatch is stratified (sampleStratified): every draw still follows its distribution,
 *   so the minibatch loss is an unbiased estimate of the expected loss, but how many draws fall in
 *   any interval is nearly fixed. With independent draws the gradient's noise hides the small
 *   pull of low-density regions (a uniform's edge where the mixture is under 1% of its peak) and
 *   D jitters around D*; the option stays, and so does a decaying learning rate
 *   (lr / (1 + t / 300), floored at lr / 20), which shrinks the jitter but slows the learning;
 * - optionally D is trained on the exact expected loss by quadrature instead of minibatches (no
 *   sampling noise; the same objective, but not the paper's algorithm, which samples).
 */
import { tf } from '../../lib/tf-backend';
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { MLP, disposeOptimizer, makeOptimizer, setLearningRate } from '../../lib/nn/mlp';
import { breakpoints, mean, parseMixture, pdf, sampleMany, sampleStratified, support, variance, type Mixture } from '../../lib/density/mixture';
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

/** The learning rate after t steps: lr / (1 + t / 300), never below lr / 20 ('decay'), or lr. */
export function scheduledLr(lr: number, t: number, schedule: string): number {
  return schedule === 'constant' ? lr : Math.max(lr / 20, lr / (1 + t / 300));
}

/**
 * The grid points max_gap counts: the smallest set holding 99% of the mass of
 * (p_data + p_g) / 2 (its highest-density region, estimated on the grid), less the points within
 * `band` of a density jump (a uniform's edge), where D* itself jumps and no continuous D can
 * follow it exactly. Elsewhere neither density produces samples and D is unconstrained.
 */
export function gapMask(xs: ArrayLike<number>, pd: ArrayLike<number>, pg: ArrayLike<number>, jumps: number[], band: number, mass = 0.99): Uint8Array {
  const n = xs.length;
  const m = Float64Array.from({ length: n }, (_, i) => 0.5 * (pd[i] + pg[i]));
  // cell widths (the grid may be uneven)
  const dx = Float64Array.from({ length: n }, (_, i) => 0.5 * ((xs[Math.min(n - 1, i + 1)] as number) - (xs[Math.max(0, i - 1)] as number)));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => m[b] - m[a]);
  let total = 0;
  for (let i = 0; i < n; i++) total += m[i] * dx[i];
  let acc = 0;
  let level = 0;
  for (const i of order) {
    acc += m[i] * dx[i];
    level = m[i];
    if (acc >= mass * total) break;
  }
  return Uint8Array.from({ length: n }, (_, i) => (m[i] >= level && m[i] > 0 && !jumps.some((t) => Math.abs((xs[i] as number) - t) < band) ? 1 : 0));
}

/** The smallest scale among the components (sigma of a normal, width of a uniform). */
export function smallestScale(ms: Mixture[]): number {
  let s = Infinity;
  for (const m of ms) for (const c of m.components) s = Math.min(s, c.kind === 'normal' ? c.sigma : c.b - c.a);
  return s;
}

export interface OptimalDView {
  xs: Float32Array;
  pdata: Float32Array;
  pg: Float32Array;
  d: Float32Array;
  dstar: Float32Array;
  /** The display grid points counted by max_gap (see gapMask). */
  mask: Uint8Array;
  history: { step: number; value: number; maxGap: number }[];
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
  let lr = Number(values.lr);
  const hidden = Number(values.hidden);
  const batch = Number(values.batch);
  const rng = new Rng(Number(values.seed));
  const dataRng = rng.fork();
  const genRng = rng.fork();

  let schedule = String(values.schedule ?? 'constant');
  const training = String(values.training ?? 'minibatch');
  let draw = drawOf(String(values.sampling ?? 'stratified'));
  const widthScale = String(values.init ?? 'multiscale');

  // D sees x mapped from the pair's range [lo, hi] onto [-1, 1].
  const [lo, hi] = support([pData, pG], 0.05);
  const centre = 0.5 * (lo + hi);
  const scale = 0.5 * (hi - lo);
  const jumps = breakpoints([pData, pG]);

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
  const sMin = Math.min(hi - lo, smallestScale([pData, pG]));
  const band = 0.005 * (hi - lo);
  if (widthScale === 'multiscale') {
    // First layer: unit j is tanh((x - c_j) / s_j) (up to sign). One unit sits on each density
    // jump (a uniform's edge) with a width of a third of the band max_gap leaves out there, as
    // long as they take at most half the units; the others sit at points drawn from
    // (p_data + p_g) / 2 with widths log-uniform on [sMin / 4, range] (where two narrow normals
    // meet, D*'s logit is quadratic with curvature 1 / sigma^2 and turns faster than sigma).
    // In D's input units u = (x - centre) / scale.
    const initRng = rng.fork();
    const w0 = new Float32Array(hidden);
    const b0 = new Float32Array(hidden);
    const edges = [...new Set(jumps)].slice(0, Math.floor(hidden / 2));
    const fromD = sampleMany(pData, initRng, hidden);
    const fromG = sampleMany(pG, initRng, hidden);
    const sLo = sMin / 4;
    for (let j = 0; j < hidden; j++) {
      const onEdge = j < edges.length;
      const c = onEdge ? edges[j] : initRng.next() < 0.5 ? fromD[j] : fromG[j];
      const sj = onEdge ? band / 3 : Math.exp(Math.log(sLo) + initRng.next() * Math.log((hi - lo) / sLo));
      const w = (initRng.next() < 0.5 ? -1 : 1) * (scale / sj);
      w0[j] = w;
      b0[j] = -w * ((c - centre) / scale);
    }
    const ws = net.getWeights();
    ws[0] = w0;
    ws[3] = b0;
    net.setWeights(ws);
  }
  const opt = makeOptimizer('adam', lr, 0.9);

  // Quadrature nodes for value, max_gap and the quadrature loss: Simpson split at uniform edges,
  // fine enough for a quarter of the narrowest component between nodes.
  const nNodes = Math.min(12000, Math.max(3000, Math.ceil((4 * (hi - lo)) / sMin)));
  const rule = simpsonRule(lo, hi, jumps, nNodes);
  const qData = Float64Array.from(rule.x, (x) => pdf(pData, x));
  const qG = Float64Array.from(rule.x, (x) => pdf(pG, x));
  const qStar = Float64Array.from(rule.x, (_, i) => optimalD(qData[i], qG[i]));
  const qMask = gapMask(rule.x, qData, qG, jumps, band);
  const xs = linspace(lo, hi, 401);
  const gData = Float64Array.from(xs, (x) => pdf(pData, x));
  const gG = Float64Array.from(xs, (x) => pdf(pG, x));
  const dStar = Float64Array.from(xs, (_, i) => optimalD(gData[i], gG[i]));
  const mask = gapMask(xs, gData, gG, jumps, band);
  const jsdValue = jsd(pData, pG);
  const valueOptimal = -LOG4 + 2 * jsdValue;

  // The exact expected loss: -sum_i w_i [p_data(x_i) log D(x_i) + p_g(x_i) log(1 - D(x_i))].
  const quad =
    training === 'quadrature'
      ? tf.tidy(() => ({
          x: tf.keep(tf.tensor2d(Float32Array.from(rule.x, (x) => (x - centre) / scale), [rule.x.length, 1])),
          wd: tf.keep(tf.tensor2d(Float32Array.from(rule.w, (w, i) => w * qData[i]), [rule.x.length, 1])),
          wg: tf.keep(tf.tensor2d(Float32Array.from(rule.w, (w, i) => w * qG[i]), [rule.x.length, 1])),
        }))
      : null;

  const xBuf = new Float32Array(2 * batch);
  const yBuf = new Float32Array(2 * batch);
  for (let i = 0; i < batch; i++) yBuf[i] = 1;
  const labels = tf.keep(tf.tensor2d(yBuf, [2 * batch, 1]));

  let cache: { step: number; logits: Float64Array; gridLogits: Float64Array } | null = null;
  let steps = 0;
  const history: { step: number; value: number; maxGap: number }[] = [];

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

  /** The largest |D - D*| over the quadrature nodes that gapMask keeps. */
  function maxGap(): number {
    const { logits } = evaluate();
    let g = 0;
    for (let i = 0; i < logits.length; i++) if (qMask[i]) g = Math.max(g, Math.abs(sigmoid(logits[i]) - qStar[i]));
    return g;
  }

  /**
   * Adds the current value and max_gap to the history, once per step count. Called by metrics()
   * and view(): the evaluation runs at the pace the caller asks for (the worker host spaces its
   * reports by their cost), never inside step().
   */
  function record() {
    if (history.length && history[history.length - 1].step === steps) return;
    history.push({ step: steps, value: value(), maxGap: maxGap() });
    if (history.length > 600) history.splice(0, history.length - 600);
  }

  record();

  return {
    pData,
    pG,
    step() {
      setLearningRate(opt, scheduledLr(lr, steps, schedule));
      if (quad) {
        tf.tidy(() => {
          opt.minimize(
            () => {
              const l = net.apply(quad.x);
              // log D = -softplus(-l), log(1 - D) = -softplus(l)
              return tf.add(tf.sum(tf.mul(quad.wd, tf.softplus(tf.neg(l)))), tf.sum(tf.mul(quad.wg, tf.softplus(l)))) as tf.Scalar;
            },
            false,
            net.variables(),
          );
        });
      } else {
        // Minibatch: batch samples from p_data (label 1), batch from p_g (label 0).
        const real = draw(pData, dataRng, batch);
        const fake = draw(pG, genRng, batch);
        for (let i = 0; i < batch; i++) {
          xBuf[i] = (real[i] - centre) / scale;
          xBuf[batch + i] = (fake[i] - centre) / scale;
        }
        tf.tidy(() => {
          const x = tf.tensor2d(xBuf, [2 * batch, 1]);
          opt.minimize(() => tf.losses.sigmoidCrossEntropy(labels, net.apply(x)) as tf.Scalar, false, net.variables());
        });
      }
      steps++;
    },
    /** Live settings: the learning rate, its schedule and the sampling (Adam's moments and D's weights stay). */
    update(next) {
      lr = Number(next.lr);
      schedule = String(next.schedule ?? 'constant');
      draw = drawOf(String(next.sampling ?? 'stratified'));
    },
    metrics() {
      record();
      const v = value();
      return { value: v, value_optimal: valueOptimal, jsd: jsdValue, max_gap: maxGap() };
    },
    view(): OptimalDView {
      record();
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
      if (quad) tf.dispose([quad.x, quad.wd, quad.wg]);
    },
  };
}

/** How a minibatch is drawn: stratified over each component's quantiles, or independent draws. */
function drawOf(sampling: string): (m: Mixture, rng: Rng, n: number) => Float32Array {
  return sampling === 'iid' ? sampleMany : sampleStratified;
}

function softplus(x: number): number {
  return x > 30 ? x : x < -30 ? Math.exp(x) : Math.log1p(Math.exp(x));
}

function sigmoid(l: number): number {
  return 1 / (1 + Math.exp(-l));
}
