/**
 * A one-dimensional Gaussian mixture fitted by expectation-maximisation (Dempster, Laird and
 * Rubin, 1977). Each call of emStep is one E-step and one M-step; the log-likelihood never
 * decreases (the variance floor below keeps it finite when a component sits on one point).
 */
import type { Rng } from '../rng';
import { normalLogPdf } from './mixture';

export interface Gmm {
  weights: Float64Array;
  means: Float64Array;
  sigmas: Float64Array;
}

export function dataStats(x: ArrayLike<number>): { mean: number; sd: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const mean = s / x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(v / x.length) || 1 };
}

/** k-means++ style seeding: spread initial means over the data. */
export function initGmm(x: ArrayLike<number>, k: number, rng: Rng): Gmm {
  const n = x.length;
  const { sd } = dataStats(x);
  const means = new Float64Array(k);
  means[0] = x[rng.int(n)];
  const d2 = new Float64Array(n);
  for (let j = 1; j < k; j++) {
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let c = 0; c < j; c++) best = Math.min(best, (x[i] - means[c]) ** 2);
      d2[i] = best;
    }
    const total = d2.reduce((a, b) => a + b, 0);
    means[j] = total > 0 ? x[rng.categorical(d2)] : x[rng.int(n)];
  }
  return { weights: new Float64Array(k).fill(1 / k), means, sigmas: new Float64Array(k).fill(sd) };
}

function logSumExp(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) m = Math.max(m, a[i]);
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.exp(a[i] - m);
  return m + Math.log(s);
}

export function gmmLogPdf(g: Gmm, x: number, scratch = new Float64Array(g.means.length)): number {
  for (let c = 0; c < g.means.length; c++) scratch[c] = Math.log(g.weights[c]) + normalLogPdf(x, g.means[c], g.sigmas[c]);
  return logSumExp(scratch);
}

/** Mean log-likelihood per point, in nats. */
export function gmmLogLik(g: Gmm, x: ArrayLike<number>): number {
  const scratch = new Float64Array(g.means.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += gmmLogPdf(g, x[i], scratch);
  return s / x.length;
}

/** One EM iteration in place. `minSigma` is the variance floor (as a standard deviation). */
export function emStep(g: Gmm, x: ArrayLike<number>, minSigma: number): void {
  const k = g.means.length;
  const n = x.length;
  const nk = new Float64Array(k);
  const sx = new Float64Array(k);
  const sxx = new Float64Array(k);
  const lp = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) lp[c] = Math.log(g.weights[c]) + normalLogPdf(x[i], g.means[c], g.sigmas[c]);
    const z = logSumExp(lp);
    for (let c = 0; c < k; c++) {
      const r = Math.exp(lp[c] - z); // responsibility of component c for point i (E-step)
      nk[c] += r;
      sx[c] += r * x[i];
      sxx[c] += r * x[i] * x[i];
    }
  }
  for (let c = 0; c < k; c++) {
    if (nk[c] < 1e-10) continue; // an empty component keeps its parameters
    g.weights[c] = nk[c] / n; // M-step
    const mu = sx[c] / nk[c];
    g.means[c] = mu;
    const v = Math.max(0, sxx[c] / nk[c] - mu * mu);
    g.sigmas[c] = Math.max(minSigma, Math.sqrt(v));
  }
  // Renormalise the weights (empty components kept theirs).
  let tw = 0;
  for (let c = 0; c < k; c++) tw += g.weights[c];
  for (let c = 0; c < k; c++) g.weights[c] /= tw;
}

export function sampleGmm(g: Gmm, rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.categorical(g.weights);
    out[i] = rng.normal(g.means[c], g.sigmas[c]);
  }
  return out;
}
