/**
 * Chapter 5's `mmd` widget: the kernel two-sample test. Two samples (drawn from distributions in
 * the book's text form, or typed by the reader), the unbiased RBF-kernel MMD^2 estimate and a
 * permutation test: each step reshuffles the pooled sample a few times, so the null distribution
 * and the p-value build up live. The Gram matrix of the pooled sample is computed once.
 */
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { mixtureError, parseMixture, sampleMany } from '../../lib/density/mixture';
import { linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';
import { numberListError, parseNumberList } from '../../lib/number-list';
import { mmd2FromGram, rbfGram } from '../../lib/mmd';
export * from './settings';
import { type MmdView } from './settings';

export type MmdModel = Model & { mmd2(): number; pValue(): number; permutations(): number };

export function createModel(values: Values): MmdModel {
  const rng = new Rng(Number(values.seed));
  const n = Number(values.n);
  const h = Number(values.bandwidth);
  const perms = Number(values.perms);
  // Each sample gets its own stream, so changing the bandwidth does not change the data.
  const dataRng = new Rng(Number(values.seed) * 7919 + 11);
  const x = String(values.points_p).trim() ? Float64Array.from(parseNumberList(String(values.points_p))) : Float64Array.from(sampleMany(parseMixture(String(values.p)), dataRng, n));
  const y = String(values.points_q).trim() ? Float64Array.from(parseNumberList(String(values.points_q))) : Float64Array.from(sampleMany(parseMixture(String(values.q)), dataRng, n));
  const m = x.length;
  const N = m + y.length;
  const pooled = new Float64Array(N);
  pooled.set(x);
  pooled.set(y, m);
  const K = rbfGram(pooled, h);
  const labels = new Uint8Array(N);
  for (let i = 0; i < m; i++) labels[i] = 1;
  const observed = mmd2FromGram(K, N, labels);
  const nullStats: number[] = [];
  let atLeast = 0;
  const perm = Array.from({ length: N }, (_, i) => i);
  const shuffled = new Uint8Array(N);

  let lo = Infinity;
  let hi = -Infinity;
  for (const v of pooled) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = Math.max(1, 0.15 * (hi - lo));
  const grid = linspace(lo - pad, hi + pad, 241);
  const c = 1 / (2 * h * h);
  const witness = Float32Array.from(grid, (t) => {
    let a = 0;
    let b = 0;
    for (const v of x) a += Math.exp(-c * (v - t) ** 2);
    for (const v of y) b += Math.exp(-c * (v - t) ** 2);
    return a / x.length - b / y.length;
  });

  const pValue = () => (1 + atLeast) / (1 + nullStats.length);

  return {
    step() {
      for (let r = 0; r < perms; r++) {
        rng.shuffle(perm);
        shuffled.fill(0);
        for (let i = 0; i < m; i++) shuffled[perm[i]] = 1;
        const s = mmd2FromGram(K, N, shuffled);
        nullStats.push(s);
        if (s >= observed) atLeast++;
      }
    },
    metrics() {
      return { mmd2: observed, p_value: pValue(), permutations: nullStats.length };
    },
    view(): MmdView {
      return {
        x: Float32Array.from(x),
        y: Float32Array.from(y),
        nullStats: Float32Array.from(nullStats.slice(-5000)),
        observed,
        grid: Float32Array.from(grid),
        witness,
      };
    },
    dispose() {},
    mmd2: () => observed,
    pValue,
    permutations: () => nullStats.length,
  };
}
