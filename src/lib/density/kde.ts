/**
 * Gaussian kernel density estimation (Rosenblatt 1956, Parzen 1962). The in-sample likelihood of
 * a KDE grows without bound as the bandwidth shrinks, so bandwidths are judged by the
 * leave-one-out log-likelihood, which can also be maximised by gradient ascent on log h.
 */
import type { Rng } from '../rng';
import { normalPdf } from './mixture';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

export function kdePdf(x: number, data: ArrayLike<number>, h: number): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += normalPdf(x, data[i], h);
  return s / data.length;
}

/** Silverman's rule of thumb, 0.9 min(sd, IQR/1.34) n^(-1/5). */
export function silverman(data: ArrayLike<number>): number {
  const xs = Array.from(data).sort((a, b) => a - b);
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  const q = (p: number) => xs[Math.min(n - 1, Math.max(0, Math.round(p * (n - 1))))];
  const iqr = q(0.75) - q(0.25);
  const spread = Math.min(sd, iqr / 1.34) || sd || 1;
  return 0.9 * spread * n ** -0.2;
}

/**
 * Mean leave-one-out log-likelihood (nats per point) and its derivative with respect to log h.
 */
export function looLogLik(data: ArrayLike<number>, h: number): { value: number; dLogH: number } {
  const n = data.length;
  if (n < 2) return { value: NaN, dLogH: 0 };
  let total = 0;
  let grad = 0;
  const inv2h2 = 1 / (2 * h * h);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let sg = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d2 = (data[i] - data[j]) ** 2;
      const k = Math.exp(-d2 * inv2h2);
      s += k;
      sg += k * (d2 / (h * h) - 1);
    }
    // log( (1/(n-1)) * sum_j phi_h ) with phi_h = exp(-d^2/2h^2) / (h sqrt(2 pi))
    total += s > 0 ? Math.log(s / (n - 1)) - Math.log(h) - LOG_SQRT_2PI : -745;
    grad += s > 0 ? sg / s : 0;
  }
  return { value: total / n, dLogH: grad / n };
}

export function sampleKde(data: ArrayLike<number>, h: number, rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal(data[rng.int(data.length)], h);
  return out;
}
