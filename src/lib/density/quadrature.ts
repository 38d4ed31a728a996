/**
 * Numerical integration on a line. Composite Simpson on a uniform grid, and a version split at
 * breakpoints (uniform densities jump there, which would spoil Simpson's accuracy).
 */

/** Composite Simpson's rule for f on [a, b] with n (even) intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, n = 2000): number {
  if (b <= a) return 0;
  if (n % 2) n++;
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** Simpson on [a, b] split at the given interior points; each piece gets a share of n. */
export function integrate(f: (x: number) => number, a: number, b: number, breaks: number[] = [], n = 4000): number {
  const pts = [a, ...breaks.filter((x) => x > a && x < b), b];
  let total = 0;
  const width = b - a;
  for (let i = 0; i < pts.length - 1; i++) {
    const lo = pts[i];
    const hi = pts[i + 1];
    const ni = Math.max(16, Math.round((n * (hi - lo)) / width));
    // Nudge inward so a jump at the edge is taken from the inside.
    const eps = (hi - lo) * 1e-9;
    total += simpson(f, lo + eps, hi - eps, ni);
  }
  return total;
}

/** Evenly spaced points, inclusive of both ends. */
export function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n === 1) {
    out[0] = a;
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = a + ((b - a) * i) / (n - 1);
  return out;
}
