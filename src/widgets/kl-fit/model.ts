/**
 * Chapter 5's `kl-fit` widget: one Gaussian q = N(mu, sigma^2) fitted to a target mixture p in
 * two ways side by side, by gradient descent on the forward KL(p || q) and on the reverse
 * KL(q || p). Every integral is exact up to quadrature; no sampling, so a run is deterministic.
 *
 * Parameters are (mu, s = log sigma). Steps are scaled by the inverse Fisher information of the
 * Gaussian in these coordinates, diag(sigma^2, 2), i.e. natural-gradient descent: the step size
 * then means the same thing whatever the scale of the target.
 *
 * Forward KL: KL(p||q) = int p log p + log sigma + log sqrt(2 pi) + (var_p + (x̄_p - mu)^2) / (2 sigma^2),
 *   so its gradient needs only the target's mean x̄_p and variance var_p (exact, from the mixture).
 * Reverse KL: KL(q||p) = -log sigma - log sqrt(2 pi e) - int q log p, with
 *   d/dmu int q log p = int q (x - mu)/sigma^2 log p dx,
 *   d/ds  int q log p = int q ((x - mu)^2/sigma^2 - 1) log p dx   (score-function form, valid
 *   also where p jumps at the edge of a uniform component).
 */
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import {
  breakpoints,
  mean,
  mixtureError,
  normalLogPdf,
  normalPdf,
  parseMixture,
  pdf,
  support,
  variance,
  type Mixture,
} from '../../lib/density/mixture';
import { integrate, linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';
export * from './settings';
import { type KlFitView } from './settings';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log p(x) for a mixture, by log-sum-exp over components (-Infinity where p = 0). */
export function logPdf(m: Mixture, x: number): number {
  let best = -Infinity;
  const terms: number[] = [];
  for (const c of m.components) {
    let t: number;
    if (c.kind === 'normal') t = Math.log(c.weight) + normalLogPdf(x, c.mu, c.sigma);
    else t = x >= c.a && x <= c.b ? Math.log(c.weight / (c.b - c.a)) : -Infinity;
    terms.push(t);
    if (t > best) best = t;
  }
  if (best === -Infinity) return -Infinity;
  let s = 0;
  for (const t of terms) s += Math.exp(t - best);
  return best + Math.log(s);
}

export interface Gauss {
  mu: number;
  sigma: number;
}

/** Exact pieces of the target needed by both fits. */
export class KlTarget {
  readonly m: Mixture;
  readonly mean: number;
  readonly variance: number;
  /** int p log p (negative differential entropy), by quadrature, computed once. */
  readonly negEntropy: number;
  readonly breaks: number[];
  readonly range: [number, number];

  constructor(text: string) {
    this.m = parseMixture(text);
    this.mean = mean(this.m);
    this.variance = variance(this.m);
    this.breaks = breakpoints([this.m]);
    this.range = support([this.m], 0.02);
    this.negEntropy = integrate(
      (x) => {
        const p = pdf(this.m, x);
        return p > 0 ? p * Math.log(p) : 0;
      },
      this.range[0],
      this.range[1],
      this.breaks,
      6000,
    );
  }

  /** KL(p || q), exact given the mixture moments and the target's entropy. */
  forwardKl(q: Gauss): number {
    const d = this.mean - q.mu;
    const cross = Math.log(q.sigma) + LOG_SQRT_2PI + (this.variance + d * d) / (2 * q.sigma * q.sigma);
    return Math.max(0, this.negEntropy + cross);
  }

  /** Gradient of KL(p || q) in (mu, log sigma). */
  forwardGrad(q: Gauss): [number, number] {
    const d = q.mu - this.mean;
    const s2 = q.sigma * q.sigma;
    return [d / s2, 1 - (this.variance + d * d) / s2];
  }

  /** The three q-weighted integrals of log p that the reverse KL and its gradient need. */
  private qLogP(q: Gauss, n = 800): [number, number, number] {
    const a = q.mu - 9 * q.sigma;
    const b = q.mu + 9 * q.sigma;
    const f0 = (x: number) => normalPdf(x, q.mu, q.sigma) * logPdf(this.m, x);
    const f1 = (x: number) => normalPdf(x, q.mu, q.sigma) * ((x - q.mu) / (q.sigma * q.sigma)) * logPdf(this.m, x);
    const f2 = (x: number) => {
      const z = (x - q.mu) / q.sigma;
      return normalPdf(x, q.mu, q.sigma) * (z * z - 1) * logPdf(this.m, x);
    };
    return [integrate(f0, a, b, this.breaks, n), integrate(f1, a, b, this.breaks, n), integrate(f2, a, b, this.breaks, n)];
  }

  /** KL(q || p) by quadrature (+Infinity where q has mass and p has none). */
  reverseKl(q: Gauss): number {
    const [e0] = this.qLogP(q);
    const negH = -Math.log(q.sigma) - LOG_SQRT_2PI - 0.5;
    const v = negH - e0;
    return Number.isFinite(v) ? Math.max(0, v) : Infinity;
  }

  /** Gradient of KL(q || p) in (mu, log sigma). */
  reverseGrad(q: Gauss): [number, number] {
    const [, e1, e2] = this.qLogP(q);
    return [-e1, -1 - e2];
  }
}

/** One natural-gradient step in (mu, log sigma): the Fisher metric is diag(1/sigma^2, 2). */
export function naturalStep(q: Gauss, g: [number, number], lr: number): Gauss {
  const dmu = -lr * q.sigma * q.sigma * g[0];
  // Each move capped so a poor start cannot jump far in one step.
  const ds = Math.max(-0.5, Math.min(0.5, (-lr * g[1]) / 2));
  const cap = 2 * q.sigma + 1;
  return { mu: q.mu + Math.max(-cap, Math.min(cap, dmu)), sigma: Math.min(200, Math.max(1e-3, q.sigma * Math.exp(ds))) };
}

export type KlFitModel = Model & { forward(): Gauss; reverse(): Gauss; target: KlTarget };

export function createModel(values: Values): KlFitModel {
  const target = new KlTarget(String(values.target));
  const lr = Number(values.lr);
  let fwd: Gauss = { mu: Number(values.init_mu), sigma: Number(values.init_sigma) };
  let rev: Gauss = { ...fwd };
  let klF = target.forwardKl(fwd);
  let klR = target.reverseKl(rev);
  const histF: number[] = [klF];
  const histR: number[] = [klR];

  const [lo0, hi0] = target.range;
  const lo = Math.min(lo0, fwd.mu - 3 * fwd.sigma);
  const hi = Math.max(hi0, fwd.mu + 3 * fwd.sigma);
  const xs = linspace(lo, hi, 301);
  const targetCurve = Float32Array.from(xs, (x) => pdf(target.m, x));
  const profileMu = linspace(lo, hi, 121);
  let profileSigma = NaN;
  let profileKl = new Float32Array(profileMu.length);

  return {
    step() {
      fwd = naturalStep(fwd, target.forwardGrad(fwd), lr);
      rev = naturalStep(rev, target.reverseGrad(rev), lr);
      klF = target.forwardKl(fwd);
      klR = target.reverseKl(rev);
      histF.push(klF);
      histR.push(klR);
      if (histF.length > 3000) {
        histF.splice(0, histF.length - 3000);
        histR.splice(0, histR.length - 3000);
      }
    },
    metrics() {
      return {
        mu_forward: fwd.mu,
        sigma_forward: fwd.sigma,
        mu_reverse: rev.mu,
        sigma_reverse: rev.sigma,
        kl_forward: klF,
        kl_reverse: klR,
      };
    },
    view(): KlFitView {
      if (!(Math.abs(rev.sigma - profileSigma) < 0.01 * profileSigma)) {
        profileSigma = rev.sigma;
        profileKl = Float32Array.from(profileMu, (mu) => target.reverseKl({ mu, sigma: profileSigma }));
      }
      return {
        xs: Float32Array.from(xs),
        target: targetCurve,
        forward: Float32Array.from(xs, (x) => normalPdf(x, fwd.mu, fwd.sigma)),
        reverse: Float32Array.from(xs, (x) => normalPdf(x, rev.mu, rev.sigma)),
        historyForward: Float32Array.from(histF),
        historyReverse: Float32Array.from(histR),
        profileMu: Float32Array.from(profileMu),
        profileKl,
        targetMean: target.mean,
        targetSd: Math.sqrt(target.variance),
        muReverse: rev.mu,
      };
    },
    dispose() {},
    forward: () => fwd,
    reverse: () => rev,
    target,
  };
}
