/**
 * Chapter 6's `w1-1d` widget: the earth mover's distance W1 between two 1-D distributions,
 * computed exactly from their CDFs, beside the estimate of a critic network trained live on
 * samples, the Kantorovich-Rubinstein dual: max over Lipschitz f of E_r f - E_g f.
 *
 * The critic has no sigmoid and no log. Its Lipschitz constraint is imposed either by weight
 * clipping to [-c, c] after each RMSProp step (WGAN) or by the gradient penalty
 * lambda * E[(|f'(x_hat)| - 1)^2] at random interpolates x_hat between real and generated
 * samples (WGAN-GP). The penalty needs f' inside the loss; it is computed by explicit backprop
 * with ordinary tf ops (lib/nn/input-gradient.ts), because a tf.grad nested inside the loss gives
 * wrong second-order gradients in tfjs 4.22 (tests/unit/input-gradient.test.ts).
 */
import { tf } from '../../lib/tf-backend';
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { MLP, setLearningRate } from '../../lib/nn/mlp';
import { gradientPenalty, mlpInputGradient } from '../../lib/nn/input-gradient';
import { breakpoints, cdf, mixtureError, parseMixture, pdf, sampleMany, support, type Mixture } from '../../lib/density/mixture';
import { integrate, linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';

/** W1 in one dimension: the integral of |F_p - F_q| over the line (textbook 13.51 in 1-D). */
export function w1Exact(p: Mixture, q: Mixture, n = 8000): number {
  const [a, b] = support([p, q], 0.05);
  return integrate((x) => Math.abs(cdf(p, x) - cdf(q, x)), a, b, breakpoints([p, q]), n);
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
  /** The W1 estimate (the best clipped critic's dual value) per step. */
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
  /** The critic's slope at the given points by tf.grad (first order) and by mlpInputGradient (tests). */
  slopes(points: number[]): { nested: Float32Array; backprop: Float32Array; f: Float32Array; fRef: Float32Array };
};

export function createModel(values: Values): W1Model {
  const real = parseMixture(String(values.real));
  const fake = parseMixture(String(values.fake));
  const constraint = values.constraint === 'clip' ? 'clip' : values.constraint === 'gp' ? 'gp' : 'gp1';
  let lambda = Number(values.lambda);
  let c = Number(values.clip);
  const lr = Number(values.lr);
  let batch = Number(values.batch);
  const hidden = Number(values.hidden);
  const rng = new Rng(Number(values.seed));
  const net = new MLP(1, [{ units: hidden, activation: 'tanh' }, { units: hidden, activation: 'tanh' }, { units: 1, activation: 'linear' }], rng.fork(), 'critic');
  const dataRng = rng.fork();
  const opt = constraint !== 'clip' ? tf.train.adam(lr, 0.5, 0.9) : tf.train.rmsprop(lr, 0.9);
  if (constraint === 'clip') net.clip(c);

  // The critic sees a standardised input; its Lipschitz constant is measured in the original units.
  const [lo, hi] = support([real, fake], 0.05);
  const center = 0.5 * (lo + hi);
  const scale = Math.max(1e-3, 0.5 * (hi - lo));
  const critic = (x: tf.Tensor2D) => net.apply(tf.div(tf.sub(x, center), scale) as tf.Tensor2D);
  const criticWithSlope = (x: tf.Tensor2D) => mlpInputGradient(net, x, center, scale);

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

  // F_g - F_r at the midpoints of the quadrature grid: E_r f - E_g f = integral f' (F_g - F_r) dx.
  const dF = Float64Array.from({ length: nq }, (_, i) => {
    const mid = 0.5 * (qx[i] + qx[i + 1]);
    return cdf(fake, mid) - cdf(real, mid);
  });
  // Where samples and interpolates fall: from the 0.05% to the 99.95% quantile of
  // (p_r + p_g) / 2 (interpolates lie between samples, so they fill this interval too).
  let kLo = 0;
  let kHi = nq - 1;
  for (let i = 0; i < nq; i++) {
    const F = 0.5 * (cdf(real, qx[i + 1]) + cdf(fake, qx[i + 1]));
    if (F < 0.0005) kLo = i + 1;
    if (F <= 0.9995) kHi = Math.min(nq - 1, i + 1);
  }
  // Slope scales tried for the W1 estimate: K, K / 2^(1/8), ..., K / 32. Small κ keeps the sign
  // of f's slope where f is too flat to reach slope 1 (narrow components: f must turn quickly).
  const SCALES = Array.from({ length: 41 }, (_, j) => Math.pow(2, -j / 8));

  /**
   * The critic's dual value E_data f - E_θ f (by quadrature against the two densities: no sampling
   * noise); its Lipschitz constant K, the largest slope between neighbouring grid points over
   * the interval where samples and interpolates fall (the 0.05% to 99.95% quantiles of
   * (p_data + p_θ) / 2); and the W1 estimate: the largest dual value of a 1-Lipschitz critic made
   * from f by dividing its slope by κ and clipping it to [-1, 1], over κ from K down to K / 32.
   * Each such critic is admissible, so the estimate never exceeds W1 (up to the grid), and κ = K
   * gives f / K, whose value is gap / K. Dividing by K alone lets one short stretch where the
   * soft penalty allows a slope above 1 (few interpolates there, eq. wgan-gp-slope) scale down
   * the whole critic; as training goes on that slope creeps up and gap / K drifts down.
   */
  function evaluate(): { gap: number; k: number; w1: number } {
    const f = tf.tidy(() => critic(qxT).dataSync() as Float32Array);
    let gap = 0;
    for (let i = 0; i < f.length; i++) gap += f[i] * weights[i];
    const slope = new Float64Array(nq);
    let k = 0;
    for (let i = 0; i < nq; i++) {
      slope[i] = (f[i + 1] - f[i]) / h;
      if (i >= kLo && i <= kHi) k = Math.max(k, Math.abs(slope[i]));
    }
    let w1 = 0;
    if (k > 0) {
      for (const r of SCALES) {
        const kappa = k * r;
        let v = 0;
        for (let i = 0; i < nq; i++) v += h * Math.max(-1, Math.min(1, slope[i] / kappa)) * dF[i];
        w1 = Math.max(w1, v);
      }
    }
    return { gap, k, w1 };
  }

  let ev = evaluate();
  const history: number[] = [ev.w1];
  const gapHistory: number[] = [ev.gap];

  return {
    /** Live settings: λ, c, the learning rate and the batch size (the critic's weights stay). */
    update(next) {
      lambda = Number(next.lambda);
      c = Number(next.clip);
      batch = Number(next.batch);
      setLearningRate(opt, Number(next.lr));
      if (constraint === 'clip') net.clip(c);
    },
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
            const penalty = gradientPenalty(criticWithSlope(xhat).grad, constraint === 'gp' ? 'two-sided' : 'one-sided');
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
        const { out, grad } = criticWithSlope(x);
        return { nested: Float32Array.from(nested), backprop: Float32Array.from(grad.dataSync()), f: Float32Array.from(out.dataSync()), fRef: Float32Array.from(critic(x).dataSync()) };
      });
    },
  };
}
