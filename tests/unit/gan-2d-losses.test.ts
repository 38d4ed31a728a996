/**
 * The playground's losses are the formulas the chapters print. For each loss gan-2d offers, D's
 * and G's gradients from the model's own loss code (tfjs autodiff, float32) are compared on a
 * fixed batch with central finite differences of the printed formula, computed independently in
 * plain JavaScript doubles:
 * - GAN, D (chapter 4, eq. d-ce): -(1/m) sum log D(x_i) - (1/m) sum log(1 - D(G(z_i))), D = sigmoid(logit);
 * - minimax G (eq. g-minimax): (1/m) sum log(1 - D(G(z_i)));
 * - non-saturating G (eq. g-ns): -(1/m) sum log D(G(z_i));
 * - WGAN critic (chapter 6, eq. wgan-critic, minimised as its negative): (1/m) sum f(G(z_i)) - (1/m) sum f(x_i);
 * - WGAN G (eq. wgan-generator): -(1/m) sum f(G(z_i));
 * - WGAN-GP critic (eq. wgan-gp): the WGAN critic loss + lambda (1/m) sum (|grad f(x_hat_i)| - 1)^2,
 *   x_hat_i = eps_i x_i + (1 - eps_i) G(z_i), with grad f by central differences too.
 * - least squares (LSGAN, chapter 5, eqs. lsgan-d and lsgan-g, 0-1 coding): D minimises
 *   (1/2m) sum (D(x_i) - 1)^2 + (1/2m) sum D(G(z_i))^2 and G minimises (1/2m) sum (D(G(z_i)) - 1)^2,
 *   with D's raw output (no sigmoid).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { createModel as createGan2d, specs as gan2dSpecs, type LossKind } from '../../src/widgets/gan-2d/model';
import { defaults } from '../../src/lib/params';
import { act, forwardDouble, readNet, type DoubleNet } from './helpers/mlp-double';
import type { Activation } from '../../src/lib/nn/mlp';
import { Rng } from '../../src/lib/rng';

type Net = DoubleNet;
const read = readNet;
const forward = forwardDouble;

/** The smallest |pre-activation| of D's hidden units at x. */
function margin(n: Net, x: number[]): number {
  let h = x;
  let m = Infinity;
  for (let l = 0; l < n.ws.length - 1; l++) {
    const nOut = n.bs[l].length;
    const next: number[] = new Array(nOut);
    for (let j = 0; j < nOut; j++) {
      let z = n.bs[l][j];
      for (let i = 0; i < h.length; i++) z += h[i] * n.ws[l][i * nOut + j];
      m = Math.min(m, Math.abs(z));
      next[j] = act(n.acts[l], z);
    }
    h = next;
  }
  return m;
}

const logSigmoid = (l: number) => -Math.log1p(Math.exp(-l));
const log1mSigmoid = (l: number) => -Math.log1p(Math.exp(l));
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

/** The printed formulas, in doubles. */
function dLossFormula(loss: LossKind, D: Net, G: Net, real: number[][], z: number[][], eps: number[], lambda: number, h = 1e-4): number {
  const fake = z.map((zi) => forward(G, zi));
  const lr = real.map((x) => forward(D, x)[0]);
  const lf = fake.map((y) => forward(D, y)[0]);
  if (loss === 'minimax' || loss === 'nonsat') return -mean(lr.map(logSigmoid)) - mean(lf.map(log1mSigmoid));
  if (loss === 'lsgan') return 0.5 * mean(lr.map((v) => (v - 1) ** 2)) + 0.5 * mean(lf.map((v) => v * v));
  let l = mean(lf) - mean(lr);
  if (loss === 'wgan-gp') {
    const pen = real.map((x, i) => {
      const xh = x.map((v, k) => eps[i] * v + (1 - eps[i]) * fake[i][k]);
      let sq = 0;
      for (let k = 0; k < xh.length; k++) {
        const up = xh.map((v, j) => (j === k ? v + h : v));
        const dn = xh.map((v, j) => (j === k ? v - h : v));
        const d = (forward(D, up)[0] - forward(D, dn)[0]) / (2 * h);
        sq += d * d;
      }
      return (Math.sqrt(sq) - 1) ** 2;
    });
    l += lambda * mean(pen);
  }
  return l;
}

function gLossFormula(loss: LossKind, D: Net, G: Net, z: number[][]): number {
  const lf = z.map((zi) => forward(D, forward(G, zi))[0]);
  if (loss === 'minimax') return mean(lf.map(log1mSigmoid));
  if (loss === 'nonsat') return -mean(lf.map(logSigmoid));
  if (loss === 'lsgan') return 0.5 * mean(lf.map((v) => (v - 1) ** 2));
  return -mean(lf);
}

/** Central differences of f over every parameter of `net` (modified in place and restored). */
function fdGrads(net: Net, f: () => number, eps: number): Float64Array[] {
  return [...net.ws, ...net.bs].map((p) =>
    Float64Array.from(p, (_, j) => {
      const keep = p[j];
      p[j] = keep + eps;
      const up = f();
      p[j] = keep - eps;
      const dn = f();
      p[j] = keep;
      return (up - dn) / (2 * eps);
    }),
  );
}

function maxErr(auto: Float64Array[], fd: Float64Array[]): { err: number; scale: number } {
  let err = 0;
  let scale = 0;
  auto.forEach((a, i) => a.forEach((v, j) => {
    err = Math.max(err, Math.abs(v - fd[i][j]));
    scale = Math.max(scale, Math.abs(fd[i][j]));
  }));
  return { err, scale };
}

const CASES: { loss: LossKind; act: Activation }[] = [
  { loss: 'minimax', act: 'relu' },
  { loss: 'nonsat', act: 'relu' },
  { loss: 'lsgan', act: 'relu' },
  { loss: 'lsgan', act: 'tanh' },
  { loss: 'wgan-clip', act: 'relu' },
  { loss: 'wgan-gp', act: 'relu' },
  { loss: 'wgan-gp', act: 'tanh' },
  { loss: 'wgan-gp', act: 'elu' },
];

describe('gan-2d: each loss is the formula the chapter prints', () => {
  beforeAll(async () => {
    await startTf();
  });

  for (const { loss, act: a } of CASES) {
    it(`${loss} (${a}): D's and G's gradients match finite differences of the formula`, () => {
      const lambda = 10;
      const model = createGan2d({ ...defaults(gan2dSpecs), loss, g_units: 8, d_units: 8, d_act: a, g_act: a, gp: lambda, clip: 10, seed: 4 });
      const core = model.cores[0];
      const m = 6;
      const rng = new Rng(21);
      // Non-zero biases: with the initial zero biases a ReLU G can map a noise vector exactly to
      // the origin, where every unit of D sits on its kink.
      for (const net of [core.D, core.G]) {
        const nb = net.weights.length;
        net.setWeights(net.getWeights().map((w, i) => (i >= nb ? Float32Array.from(w, () => rng.uniform(-0.3, 0.3)) : w)));
      }
      const real = Array.from({ length: m }, () => [rng.normal(0, 1.5), rng.normal(0, 1.5)].map(Math.fround));
      const z = Array.from({ length: m }, () => [rng.normal(), rng.normal()].map(Math.fround));
      // Interpolation weights that keep each x_hat as far as they can (best of 50 draws) from a kink
      // of D's units (ReLU), so that the formula is smooth in D's weights there.
      const D0 = read(core.D);
      const G0 = read(core.G);
      const fake0 = z.map((zi) => forward(G0, zi));
      const eps = real.map((x, i) => {
        let best = 0.5;
        let bestMargin = -1;
        for (let t = 0; t < 50; t++) {
          const e = Math.fround(rng.next());
          const mg = margin(D0, x.map((v, k) => e * v + (1 - e) * fake0[i][k]));
          if (mg > bestMargin) [best, bestMargin] = [e, mg];
        }
        return best;
      });
      const xr = tf.tensor2d(real.flat(), [m, 2]);
      const zt = tf.tensor2d(z.flat(), [m, 2]);
      const epsArr = loss === 'wgan-gp' ? Float32Array.from(eps) : null;

      const dVars = core.D.variables();
      const gVars = core.G.variables();
      const dG = tf.tidy(() => tf.variableGrads(() => core.dLossOf(xr, core.G.apply(zt), epsArr), dVars).grads);
      const gG = tf.tidy(() => tf.variableGrads(() => core.gLossOfNoise(zt), gVars).grads);
      const dAuto = dVars.map((v) => Float64Array.from(dG[v.name].dataSync()));
      const gAuto = gVars.map((v) => Float64Array.from(gG[v.name].dataSync()));
      tf.dispose([...Object.values(dG), ...Object.values(gG), xr, zt]);

      const D = read(core.D);
      const G = read(core.G);
      // Piecewise-linear ReLU nets: tiny steps, so that no step crosses a kink (the formula is
      // exactly linear between kinks, so there is no truncation error to fear).
      const pl = a === 'relu';
      const step = loss === 'wgan-gp' ? (pl ? 1e-5 : 1e-4) : 1e-6;
      const dFd = fdGrads(D, () => dLossFormula(loss, D, G, real, z, eps, lambda, pl ? 1e-6 : 1e-4), step);
      const gFd = fdGrads(G, () => gLossFormula(loss, D, G, z), 1e-6);
      const d = maxErr(dAuto, dFd);
      const g = maxErr(gAuto, gFd);
      console.log(`gan-2d ${loss} (${a}): D max error ${d.err.toExponential(2)} (gradients up to ${d.scale.toFixed(3)}), G max error ${g.err.toExponential(2)} (up to ${g.scale.toFixed(3)})`);
      expect(d.scale).toBeGreaterThan(1e-3);
      expect(g.scale).toBeGreaterThan(1e-3);
      expect(d.err).toBeLessThan(1e-4 + 1e-3 * d.scale);
      expect(g.err).toBeLessThan(1e-4 + 1e-3 * g.scale);
      model.dispose();
    });
  }
});
