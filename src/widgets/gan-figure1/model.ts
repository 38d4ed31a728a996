/**
 * Goodfellow et al.'s Figure 1, live (chapter 4). One-dimensional GAN: z is uniform on [-1, 1],
 * the generator G (an MLP, 1 -> hidden -> 1) maps it to x, the discriminator D (an MLP,
 * 1 -> hidden -> hidden -> 1) scores x. The functions below are named after the lines of
 * Algorithm 1 in the chapter: sampleNoise, sampleData, discriminatorStep, generatorStep, and
 * step() = K discriminator steps followed by one generator step.
 */
import { tf } from '../../lib/tf-backend';
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { MLP, disposeOptimizer, makeOptimizer } from '../../lib/nn/mlp';
import { parseMixture, pdf, sampleMany, support } from '../../lib/density/mixture';
import { kdePdf, silverman } from '../../lib/density/kde';
import { optimalD } from '../../lib/density/divergences';
import { linspace, simpson } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';
import { discriminatorLoss, generatorLoss } from '../../lib/gan/losses';

export { specs } from './settings';

export interface GanFigure1View {
  xs: Float32Array;
  pdata: Float32Array;
  pg: Float32Array;
  d: Float32Array;
  dstar: Float32Array;
  /** Arrow tails (z) and heads (G(z)) for the mapping drawn under the chart. */
  zArrows: Float32Array;
  gArrows: Float32Array;
  dSteps: number;
  gSteps: number;
}

export interface GanFigure1Model extends Model {
  view(): GanFigure1View;
  sampleNoise(m: number): Float32Array;
  sampleData(m: number): Float32Array;
  discriminatorStep(): number;
  generatorStep(): number;
  /** G(z) for given z (tests). */
  generate(z: ArrayLike<number>): Float32Array;
}

const EVAL_Z = 2000;
const ARROWS = 24;

export function createModel(values: Values): GanFigure1Model {
  const pData = parseMixture(String(values.pdata));
  const K = Number(values.k);
  const M = Number(values.batch);
  const hidden = Number(values.hidden);
  const minimax = values.loss === 'minimax';
  const rng = new Rng(Number(values.seed));
  const noiseRng = rng.fork();
  const dataRng = rng.fork();

  // Plot range: the data's support, widened to hold the generator's starting outputs near 0.
  const [s0, s1] = support([pData], 0.05);
  const lo = Math.min(s0, -2);
  const hi = Math.max(s1, 2);
  const centre = 0.5 * (lo + hi);
  const scale = 0.5 * (hi - lo);

  // Algorithm 1, line 1: initialise theta and phi.
  const G = new MLP(1, [{ units: hidden, activation: 'tanh' }, { units: 1, activation: 'linear' }], rng, 'fig1_g');
  const D = new MLP(
    1,
    [
      { units: hidden, activation: 'tanh' },
      { units: hidden, activation: 'tanh' },
      { units: 1, activation: 'linear' },
    ],
    rng,
    'fig1_d',
  );
  const optD = makeOptimizer('adam', Number(values.lr_d), 0.5);
  const optG = makeOptimizer('adam', Number(values.lr_g), 0.5);

  const xs = linspace(lo, hi, 241);
  const gData = Float64Array.from(xs, (x) => pdf(pData, x));
  const evalZ = new Float32Array(EVAL_Z);
  for (let i = 0; i < EVAL_Z; i++) evalZ[i] = -1 + (2 * i + 1) / EVAL_Z;
  const arrowZ = new Float32Array(ARROWS);
  for (let i = 0; i < ARROWS; i++) arrowZ[i] = -1 + (2 * i + 1) / ARROWS;

  let dSteps = 0;
  let gSteps = 0;
  let dLoss = NaN;
  let gLoss = NaN;

  /** D's logit; D sees x standardised to the plot range. */
  function dLogit(x: tf.Tensor2D): tf.Tensor2D {
    return D.apply(tf.div(tf.sub(x, centre), scale) as tf.Tensor2D);
  }

  function sampleNoise(m: number): Float32Array {
    const z = new Float32Array(m);
    for (let i = 0; i < m; i++) z[i] = noiseRng.uniform(-1, 1);
    return z;
  }

  function sampleData(m: number): Float32Array {
    return sampleMany(pData, dataRng, m);
  }

  function discriminatorStep(): number {
    const real = sampleData(M);
    const z = sampleNoise(M);
    const cost = tf.tidy(() => {
      const xr = tf.tensor2d(real, [M, 1]);
      const xf = G.apply(tf.tensor2d(z, [M, 1]));
      // Ascend log D(x) + log(1 - D(G(z))) = descend the binary cross-entropy.
      return optD.minimize(
        () => discriminatorLoss(dLogit(xr), dLogit(xf)),
        true,
        D.variables(),
      )!;
    });
    dLoss = cost.dataSync()[0];
    cost.dispose();
    dSteps++;
    return dLoss;
  }

  function generatorStep(): number {
    const z = sampleNoise(M);
    const cost = tf.tidy(() => {
      const zt = tf.tensor2d(z, [M, 1]);
      return optG.minimize(
        () => {
          // Non-saturating: -log D = softplus(-l). Minimax: log(1 - D) = -softplus(l).
          return generatorLoss(dLogit(G.apply(zt)), minimax);
        },
        true,
        G.variables(),
      )!;
    });
    gLoss = cost.dataSync()[0];
    cost.dispose();
    gSteps++;
    return gLoss;
  }

  /** The two losses on a fresh minibatch without updating anything (the step-0 readout). */
  function evalLosses() {
    const real = sampleData(M);
    const z = sampleNoise(M);
    const [dl, gl] = tf.tidy(() => {
      const lr = dLogit(tf.tensor2d(real, [M, 1]));
      const lf = dLogit(G.apply(tf.tensor2d(z, [M, 1])));
      const dl2 = discriminatorLoss(lr, lf);
      const gl2 = generatorLoss(lf, minimax);
      return [dl2.dataSync()[0], gl2.dataSync()[0]];
    });
    dLoss = dl;
    gLoss = gl;
  }

  function generate(z: ArrayLike<number>): Float32Array {
    return tf.tidy(() => G.apply(tf.tensor2d(Float32Array.from(z), [z.length, 1])).dataSync() as Float32Array);
  }

  function dOn(points: ArrayLike<number>): Float32Array {
    return tf.tidy(() => tf.sigmoid(dLogit(tf.tensor2d(Float32Array.from(points), [points.length, 1]))).dataSync() as Float32Array);
  }

  function pgOnGrid(): Float64Array {
    const g = generate(evalZ);
    const h = Math.max(silverman(g), 1e-3 * scale);
    return Float64Array.from(xs, (x) => kdePdf(x, g, h));
  }

  evalLosses();

  return {
    sampleNoise,
    sampleData,
    discriminatorStep,
    generatorStep,
    generate,
    // Algorithm 1, one iteration: K discriminator steps, then one generator step.
    step() {
      for (let k = 0; k < K; k++) discriminatorStep();
      generatorStep();
    },
    metrics() {
      const pg = pgOnGrid();
      const h = xs[1] - xs[0];
      const js = simpson((x) => {
        const i = Math.min(xs.length - 1, Math.max(0, Math.round((x - lo) / h)));
        const a = gData[i];
        const b = pg[i];
        const m = 0.5 * (a + b);
        return (a > 0 ? 0.5 * a * Math.log(a / m) : 0) + (b > 0 ? 0.5 * b * Math.log(b / m) : 0);
      }, lo, hi, xs.length - 1);
      return { d_loss: dLoss, g_loss: gLoss, d_steps: dSteps, g_steps: gSteps, jsd: Math.min(Math.LN2, Math.max(0, js)) };
    },
    view(): GanFigure1View {
      const pg = pgOnGrid();
      return {
        xs: Float32Array.from(xs),
        pdata: Float32Array.from(gData),
        pg: Float32Array.from(pg),
        d: dOn(xs),
        dstar: Float32Array.from(xs, (_, i) => optimalD(gData[i], pg[i])),
        zArrows: arrowZ.slice(),
        gArrows: generate(arrowZ),
        dSteps,
        gSteps,
      };
    },
    command(name, payload) {
      const n = Math.min(2000, Math.max(1, Math.floor(Number((payload as { n?: number })?.n ?? 1))));
      if (name === 'd_step') for (let i = 0; i < n; i++) discriminatorStep();
      else if (name === 'g_step') for (let i = 0; i < n; i++) generatorStep();
      else throw new Error(`unknown command ${name}`);
      return { dSteps, gSteps };
    },
    dispose() {
      G.dispose();
      D.dispose();
      disposeOptimizer(optD);
      disposeOptimizer(optG);
    },
  };
}
