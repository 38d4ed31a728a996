/**
 * Chapter 6's `w1-1d` widget: the earth mover's distance W1 between two 1-D distributions,
 * computed exactly from their CDFs, beside the estimate of a critic network trained live on
 * samples, the Kantorovich-Rubinstein dual: max over Lipschitz f of E_r f - E_g f.
 *
 * The critic has no sigmoid and no log. Its Lipschitz constraint is imposed either by weight
 * clipping to [-c, c] after each RMSProp step (WGAN) or by the gradient penalty
 * lambda * E[(|f'(x_hat)| - 1)^2] at random interpolates x_hat between real and generated
 * samples (WGAN-GP). The penalty needs f' inside the loss: a tf.grad nested inside the
 * optimiser's minimize (second-order gradients), which tfjs supports on the WASM and CPU backends
 * (tests/unit/w1d.test.ts checks the nested gradient against finite differences).
 */
import { tf } from '../../lib/tf-backend';
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { MLP } from '../../lib/nn/mlp';
import { breakpoints, cdf, mixtureError, parseMixture, pdf, sampleMany, support, type Mixture } from '../../lib/density/mixture';
import { integrate, linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';

/** W1 in one dimension: the integral of |F_p - F_q| over the line (textbook 13.51 in 1-D). */
export function w1Exact(p: Mixture, q: Mixture, n = 8000): number {
  const [a, b] = support([p, q], 0.05);
  return integrate((x) => Math.abs(cdf(p, x) - cdf(q, x)), a, b, breakpoints([p, q]), n);
}

/**
 * A critic f(x) = net((x - center) / scale) and its slope f'(x) together, by forward-mode
 * differentiation: a tangent is carried beside each layer's activation (tanh' = 1 - tanh^2).
 * The slope is then an ordinary function of the weights, and one backprop through it gives the
 * penalty's gradient. (A tf.grad nested inside the loss runs, but tfjs 4.22 drops the path
 * through the activation's derivative: the second-order gradient is wrong for the first layer's
 * weights and missing for its biases; tests/unit/w1d.test.ts shows it.)
 */
export function criticAndSlope(net: MLP, x: tf.Tensor2D, center = 0, scale = 1): [tf.Tensor2D, tf.Tensor2D] {
  let h: tf.Tensor2D = tf.div(tf.sub(x, center), scale) as tf.Tensor2D;
  let t: tf.Tensor2D = tf.fill([x.shape[0], 1], 1 / scale) as tf.Tensor2D;
  net.layers.forEach((layer, i) => {
    const w = net.weights[i] as tf.Tensor2D;
    const z = tf.add(tf.matMul(h, w), net.biases[i]) as tf.Tensor2D;
    const dz = tf.matMul(t, w) as tf.Tensor2D;
    if (layer.activation === 'tanh') {
      h = tf.tanh(z) as tf.Tensor2D;
      t = tf.mul(tf.sub(1, tf.square(h)), dz) as tf.Tensor2D;
    } else if (layer.activation === 'linear') {
      h = z;
      t = dz as tf.Tensor2D;
    } else throw new Error(`criticAndSlope: activation ${layer.activation} not supported`);
  });
  return [h, t];
}

import { W1_PRESETS, specs } from './settings';
export { W1_PRESETS, specs };

export interface W1View {
  xs: Float32Array;
  real: Float32Array;
  fake: Float32Array;
  critic: Float32Array;
  /** An optimal 1-Lipschitz critic, slope sign(F_g - F_r) (flat where the CDFs agree), shifted to the critic's mean level. */
  optimal: Float32Array;
  cdfGap: Float32Array;
  /** The W1 estimate gap / K per step. */
  history: Float32Array;
  /** The raw dual value E_r f - E_g f per step (K W1 at best). */
  gapHistory: Float32Array;
  w1Exact: number;
  constraint: 'gp' | 'gp1' | 'clip';
}

export type W1Model = Model & {
  estimate(): number;
  gap(): number;
  exact: number;
  lipschitz(): number;
  /** The critic's slope at the given points by tf.grad and by the forward-mode tangent (tests). */
  slopes(points: number[]): { nested: Float32Array; forward: Float32Array; f: Float32Array; fRef: Float32Array };
};

export function createModel(values: Values): W1Model {
  const real = parseMixture(String(values.real));
  const fake = parseMixture(String(values.fake));
  const constraint = values.constraint === 'clip' ? 'clip' : values.constraint === 'gp' ? 'gp' : 'gp1';
  const lambda = Number(values.lambda);
  const c = Number(values.clip);
  const lr = Number(values.lr);
  const batch = Number(values.batch);
  const hidden = Number(values.hidden);
  const rng = new Rng(Number(values.seed));
  const nestedGrad = values.slope_by === 'nested';
  const net = new MLP(1, [{ units: hidden, activation: 'tanh' }, { units: hidden, activation: 'tanh' }, { units: 1, activation: 'linear' }], rng.fork(), 'critic');
  const dataRng = rng.fork();
  const opt = constraint !== 'clip' ? tf.train.adam(lr, 0.5, 0.9) : tf.train.rmsprop(lr, 0.9);
  if (constraint === 'clip') net.clip(c);

  // The critic sees a standardised input; its Lipschitz constant is measured in the original units.
  const [lo, hi] = support([real, fake], 0.05);
  const center = 0.5 * (lo + hi);
  const scale = Math.max(1e-3, 0.5 * (hi - lo));
  const critic = (x: tf.Tensor2D) => net.apply(tf.div(tf.sub(x, center), scale) as tf.Tensor2D);
  const criticWithSlope = (x: tf.Tensor2D) => criticAndSlope(net, x, center, scale);

  const exact = w1Exact(real, fake);
  // Quadrature grid for the critic's expectation gap: integral f (p_r - p_g) dx.
  const nq = 1000;
  const qx = linspace(lo, hi, nq + 1);
  const h = (hi - lo) / nq;
  const weights = new Float32Array(nq + 1);
  for (let i = 0; i <= nq; i++) {
    const simpson = i === 0 || i === nq ? 1 : i % 2 ? 4 : 2;
    weights[i] = ((simpson * h) / 3) * (pdf(real, qx[i]) - pdf(fake, qx[i]));
  }
  const qxT = tf.tensor2d(Float32Array.from(qx), [nq + 1, 1]);
  
  const xs = linspace(lo, hi, 301);
  const realCurve = Float32Array.from(xs, (x) => pdf(real, x));
  const fakeCurve = Float32Array.from(xs, (x) => pdf(fake, x));
  const cdfGap = Float32Array.from(xs, (x) => cdf(fake, x) - cdf(real, x));
  const optimalRaw = new Float32Array(xs.length);
  for (let i = 1; i < xs.length; i++) {
    const mid = 0.5 * (xs[i] + xs[i - 1]);
    // Where the CDFs agree to 1e-3 (far tails) the slope hardly matters: draw it flat.
    const gapMid = cdf(fake, mid) - cdf(real, mid);
    const s = Math.abs(gapMid) < 1e-3 ? 0 : Math.sign(gapMid);
    optimalRaw[i] = optimalRaw[i - 1] + s * (xs[i] - xs[i - 1]);
  }

  /**
   * The critic's dual value E_r f - E_g f (by quadrature against the two densities: no sampling
   * noise), its Lipschitz constant K (largest slope between neighbouring grid points), and the
   * W1 estimate gap / K: f / K is 1-Lipschitz, so gap / K is the dual value of an admissible
   * critic and never exceeds W1 (up to the grid's resolution).
   */
  function evaluate(): { gap: number; k: number; w1: number } {
    const f = tf.tidy(() => critic(qxT).dataSync() as Float32Array);
    let gap = 0;
    let k = 0;
    for (let i = 0; i < f.length; i++) {
      gap += f[i] * weights[i];
      if (i > 0) k = Math.max(k, Math.abs(f[i] - f[i - 1]) / h);
    }
    return { gap, k, w1: k > 0 ? gap / k : 0 };
  }

  let ev = evaluate();
  const history: number[] = [ev.w1];
  const gapHistory: number[] = [ev.gap];

  return {
    step() {
      const xr = sampleMany(real, dataRng, batch);
      const xg = sampleMany(fake, dataRng, batch);
      const eps = new Float32Array(batch);
      for (let i = 0; i < batch; i++) eps[i] = dataRng.next();
      tf.tidy(() => {
        const r = tf.tensor2d(xr, [batch, 1]);
        const g = tf.tensor2d(xg, [batch, 1]);
        if (constraint !== 'clip') {
          const e = tf.tensor2d(eps, [batch, 1]);
          const xhat = tf.add(tf.mul(e, r), tf.mul(tf.sub(1, e), g)) as tf.Tensor2D;
          opt.minimize(() => {
            const gap = tf.sub(tf.mean(critic(g)), tf.mean(critic(r)));
            const slope = nestedGrad ? tf.grad((x: tf.Tensor) => tf.sum(critic(x as tf.Tensor2D)))(xhat) : criticWithSlope(xhat)[1];
            const excess = tf.sub(tf.abs(slope), 1);
            const penalty = tf.mean(tf.square(constraint === 'gp' ? excess : tf.relu(excess)));
            return tf.add(gap, tf.mul(lambda, penalty)) as tf.Scalar;
          }, false, net.variables());
        } else {
          opt.minimize(() => tf.sub(tf.mean(critic(g)), tf.mean(critic(r))) as tf.Scalar, false, net.variables());
        }
      });
      if (constraint === 'clip') net.clip(c);
      ev = evaluate();
      history.push(ev.w1);
      gapHistory.push(ev.gap);
      if (history.length > 4000) {
        history.splice(0, history.length - 4000);
        gapHistory.splice(0, gapHistory.length - 4000);
      }
    },
    metrics() {
      return { w1_exact: exact, w1_critic: ev.w1, critic_gap: ev.gap, lipschitz: ev.k };
    },
    view(): W1View {
      const critVals = tf.tidy(() => critic(tf.tensor2d(Float32Array.from(xs), [xs.length, 1])).dataSync() as Float32Array);
      let mc = 0;
      let mo = 0;
      for (let i = 0; i < xs.length; i++) {
        mc += critVals[i];
        mo += optimalRaw[i];
      }
      const shift = (mc - mo) / xs.length;
      return {
        xs: Float32Array.from(xs),
        real: realCurve,
        fake: fakeCurve,
        critic: Float32Array.from(critVals),
        optimal: Float32Array.from(optimalRaw, (v) => v + shift),
        cdfGap,
        history: Float32Array.from(history),
        gapHistory: Float32Array.from(gapHistory),
        w1Exact: exact,
        constraint,
      };
    },
    dispose() {
      net.dispose();
      opt.dispose();
      qxT.dispose();
    },
    estimate: () => ev.w1,
    gap: () => ev.gap,
    lipschitz: () => ev.k,
    exact,
    slopes(points: number[]) {
      return tf.tidy(() => {
        const x = tf.tensor2d(points, [points.length, 1]);
        const nested = tf.grad((u: tf.Tensor) => tf.sum(critic(u as tf.Tensor2D)))(x).dataSync() as Float32Array;
        const [f, t] = criticWithSlope(x);
        return { nested: Float32Array.from(nested), forward: Float32Array.from(t.dataSync()), f: Float32Array.from(f.dataSync()), fRef: Float32Array.from(critic(x).dataSync()) };
      });
    },
  };
}
