/**
 * Maximum mean discrepancy, every estimate the book uses, in one place:
 * - mmd2: biased (V-statistic) MMD^2 with a sum of Gaussian kernels, for d-D point sets
 *   (the AAE's code readout);
 * - mmdRbf (with medianDistance, meanKernel): biased MMD^2 of 2-D point sets with one RBF
 *   kernel whose bandwidth defaults to the median pairwise distance (the 2-D GAN's readout);
 * - mmd2FromGram (with rbfGram): the unbiased U-statistic from a pooled Gram matrix, for the
 *   permutation test of the mmd widget.
 */

export const MMD_BANDWIDTHS = [0.25, 0.5, 1, 2];

/**
 * Squared maximum mean discrepancy between two 2-D (or d-D) point sets, with a sum of Gaussian
 * kernels k(a, b) = sum_s exp(-|a - b|^2 / (2 s^2)). The biased (V-statistic) estimate:
 * mean k(x, x') + mean k(y, y') - 2 mean k(x, y); never negative.
 */
export function mmd2(x: ArrayLike<number>, y: ArrayLike<number>, dim = 2, bandwidths = MMD_BANDWIDTHS): number {
  const n = x.length / dim;
  const m = y.length / dim;
  const inv = bandwidths.map((s) => 1 / (2 * s * s));
  const k = (a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number) => {
    let d2 = 0;
    for (let t = 0; t < dim; t++) {
      const d = a[i * dim + t] - b[j * dim + t];
      d2 += d * d;
    }
    let s = 0;
    for (const c of inv) s += Math.exp(-d2 * c);
    return s;
  };
  let kxx = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) kxx += k(x, i, x, j);
  let kyy = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) kyy += k(y, i, y, j);
  let kxy = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) kxy += k(x, i, y, j);
  return Math.max(0, kxx / (n * n) + kyy / (m * m) - (2 * kxy) / (n * m));
}

/** Median of the pairwise Euclidean distances among (up to the first 1,000 of) the points. */
export function medianDistance(points: ArrayLike<number>): number {
  const n = Math.min(1000, points.length / 2);
  const d: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) d.push(Math.hypot(points[2 * i] - points[2 * j], points[2 * i + 1] - points[2 * j + 1]));
  }
  if (d.length === 0) return 1;
  d.sort((a, b) => a - b);
  const h = d[Math.floor(d.length / 2)];
  return h > 0 ? h : 1;
}

/** Mean of k(a_i, b_j) = exp(-|a_i - b_j|^2 / (2 h^2)) over all pairs (a = b allowed). */
export function meanKernel(a: ArrayLike<number>, b: ArrayLike<number>, h: number, same = false): number {
  const na = a.length / 2;
  const nb = b.length / 2;
  const g = -1 / (2 * h * h);
  let s = 0;
  if (same) {
    // symmetric: diagonal (all ones) plus twice the upper triangle
    for (let i = 0; i < na; i++) {
      const x = a[2 * i];
      const y = a[2 * i + 1];
      let r = 0;
      for (let j = i + 1; j < na; j++) {
        const dx = x - a[2 * j];
        const dy = y - a[2 * j + 1];
        r += Math.exp(g * (dx * dx + dy * dy));
      }
      s += 2 * r;
    }
    return (s + na) / (na * na);
  }
  for (let i = 0; i < na; i++) {
    const x = a[2 * i];
    const y = a[2 * i + 1];
    let r = 0;
    for (let j = 0; j < nb; j++) {
      const dx = x - b[2 * j];
      const dy = y - b[2 * j + 1];
      r += Math.exp(g * (dx * dx + dy * dy));
    }
    s += r;
  }
  return s / (na * nb);
}

/**
 * Squared MMD with an RBF kernel (biased V-statistic, always >= 0):
 * mean k(x, x') + mean k(y, y') - 2 mean k(x, y). The bandwidth h defaults to the median pairwise
 * distance of the pooled sample. `kxx` may pass a precomputed mean k(x, x').
 */
export function mmdRbf(x: ArrayLike<number>, y: ArrayLike<number>, h?: number, kxx?: number): number {
  let bw = h;
  if (bw === undefined) {
    const pooled = new Float64Array(x.length + y.length);
    // interleave so that the first 1,000 points used by medianDistance come from both sets
    const nx = x.length / 2;
    const ny = y.length / 2;
    let w = 0;
    for (let i = 0; i < Math.max(nx, ny); i++) {
      if (i < nx) {
        pooled[w++] = x[2 * i];
        pooled[w++] = x[2 * i + 1];
      }
      if (i < ny) {
        pooled[w++] = y[2 * i];
        pooled[w++] = y[2 * i + 1];
      }
    }
    bw = medianDistance(pooled);
  }
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) return NaN;
  const a = kxx ?? meanKernel(x, x, bw, true);
  const v = a + meanKernel(y, y, bw, true) - 2 * meanKernel(x, y, bw);
  return Math.max(0, v);
}

/** Unbiased MMD^2 from a pooled Gram matrix K (size N x N) and a 0/1 group label per point. */
export function mmd2FromGram(K: Float64Array, N: number, inX: Uint8Array): number {
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let m = 0;
  for (let i = 0; i < N; i++) m += inX[i];
  const n = N - m;
  for (let i = 0; i < N; i++) {
    const row = i * N;
    const xi = inX[i];
    for (let j = i + 1; j < N; j++) {
      const k = K[row + j];
      if (xi && inX[j]) sxx += k;
      else if (!xi && !inX[j]) syy += k;
      else sxy += k;
    }
  }
  // Sums over i < j; each unordered pair counts twice in the ordered sums of the formula.
  return (2 * sxx) / (m * (m - 1)) + (2 * syy) / (n * (n - 1)) - (2 * sxy) / (m * n);
}

export function rbfGram(points: ArrayLike<number>, h: number): Float64Array {
  const N = points.length;
  const K = new Float64Array(N * N);
  const c = 1 / (2 * h * h);
  for (let i = 0; i < N; i++) {
    K[i * N + i] = 1;
    for (let j = i + 1; j < N; j++) {
      const d = points[i] - points[j];
      const v = Math.exp(-c * d * d);
      K[i * N + j] = v;
      K[j * N + i] = v;
    }
  }
  return K;
}
