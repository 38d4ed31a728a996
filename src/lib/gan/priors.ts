/**
 * 2-D priors for latent codes (Gaussian, a ring of ten Gaussians, a swiss roll) with samplers
 * that can draw from one of ten parts of the prior, and a kernel MMD between point sets. Plain
 * TypeScript without tfjs, so that build-time figures can use it cheaply.
 */
import type { Rng } from '../rng';

// ---------------------------------------------------------------------------------------------
// 2-D priors
// ---------------------------------------------------------------------------------------------

export type PriorKind = 'gaussian' | 'mixture' | 'swissroll';

export const PRIOR_OPTIONS: { value: PriorKind; label: string }[] = [
  { value: 'gaussian', label: 'Gaussian N(0, I)' },
  { value: 'mixture', label: 'Mixture of 10 Gaussians' },
  { value: 'swissroll', label: 'Swiss roll' },
];

/** Radius of the ring of mixture centres, and the radial / tangential standard deviations. */
export const MIX_RADIUS = 2.5;
export const MIX_SD_RADIAL = 0.5;
export const MIX_SD_TANGENT = 0.12;

/**
 * One draw from the prior, written into out[o], out[o+1]. `part` in 0..9 restricts the draw to
 * one of ten parts: a mixture component, a stretch of the swiss roll, or (Gaussian) an angular
 * sector of N(0, I). part = -1 draws from the whole prior.
 */
export function samplePrior(kind: PriorKind, rng: Rng, out: Float32Array, o: number, part = -1) {
  const k = part >= 0 ? part : rng.int(10);
  if (kind === 'gaussian') {
    if (part < 0) {
      out[o] = rng.normal();
      out[o + 1] = rng.normal();
      return;
    }
    // Rayleigh radius, angle uniform within sector k: exactly N(0, I) restricted to the sector.
    const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const a = (2 * Math.PI * (k + rng.next())) / 10;
    out[o] = r * Math.cos(a);
    out[o + 1] = r * Math.sin(a);
  } else if (kind === 'mixture') {
    const a = (2 * Math.PI * k) / 10;
    const u = rng.normal(MIX_RADIUS, MIX_SD_RADIAL);
    const v = rng.normal(0, MIX_SD_TANGENT * MIX_RADIUS);
    out[o] = u * Math.cos(a) - v * Math.sin(a);
    out[o + 1] = u * Math.sin(a) + v * Math.cos(a);
  } else {
    // Swiss roll: position s in [0, 1) along the spiral; part k covers [k/10, (k+1)/10).
    const s = part >= 0 ? (k + rng.next()) / 10 : rng.next();
    const t = Math.sqrt(0.08 + 0.92 * s);
    const angle = 3.6 * Math.PI * t;
    const r = 3 * t;
    out[o] = r * Math.cos(angle) + rng.normal(0, 0.08);
    out[o + 1] = r * Math.sin(angle) + rng.normal(0, 0.08);
  }
}

export function samplePriorMany(kind: PriorKind, rng: Rng, n: number, parts?: ArrayLike<number>): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) samplePrior(kind, rng, out, 2 * i, parts ? parts[i] : -1);
  return out;
}

/** Density of the prior on a square grid, estimated by a histogram of many draws (drawing only). */
export function priorDensityGrid(kind: PriorKind, rng: Rng, extent: number, bins: number, n = 40000): Float32Array {
  const g = new Float32Array(bins * bins);
  const p = new Float32Array(2);
  const w = (2 * extent) / bins;
  for (let i = 0; i < n; i++) {
    samplePrior(kind, rng, p, 0);
    const cx = Math.floor((p[0] + extent) / w);
    const cy = Math.floor((p[1] + extent) / w);
    if (cx >= 0 && cx < bins && cy >= 0 && cy < bins) g[cy * bins + cx] += 1 / (n * w * w);
  }
  return g;
}

