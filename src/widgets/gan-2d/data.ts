/**
 * The 2-D GAN playground's targets and evaluation numbers, in plain JavaScript (no tfjs): the
 * samplers for the ring of 8 Gaussians, the 5x5 grid, two moons, the swiss roll, the circle and
 * the reader's drawn points; each target's "modes" (centres with a radius sigma) for
 * `modes_covered` / `high_quality`; and the RBF-kernel MMD with the median bandwidth.
 */
import { Rng } from '../../lib/rng';
import { NUMBER } from '../../lib/number-list';

export type TargetName = 'ring8' | 'grid25' | 'moons' | 'swiss' | 'circle' | 'custom';

/** Half-width of the square the playground draws: the plane shown is [-EXTENT, EXTENT]^2. */
export const EXTENT = 3;

export interface Target {
  name: TargetName;
  /** Mode centres as x0, y0, x1, y1, ... */
  modes: Float64Array;
  /** Radius unit of a mode: a fake within 3 sigma of a centre counts for that mode. */
  sigma: number;
  /** Draws one point into out[2i], out[2i+1]. */
  sample(rng: Rng, out: Float32Array, i: number): void;
}

export const TARGET_LABELS: Record<TargetName, string> = {
  ring8: 'Ring of 8 Gaussians',
  grid25: '5x5 grid of Gaussians',
  moons: 'Two moons',
  swiss: 'Swiss roll',
  circle: 'Circle',
  custom: 'Points I draw',
};

/** Equally spaced anchors along a curve (by arc length), used as the "modes" of a curve target. */
function anchors(curve: (t: number) => [number, number], t0: number, t1: number, n: number): Float64Array {
  const fine = 2000;
  const pts: [number, number][] = [];
  const cum: number[] = [0];
  for (let i = 0; i <= fine; i++) pts.push(curve(t0 + ((t1 - t0) * i) / fine));
  for (let i = 1; i <= fine; i++) cum.push(cum[i - 1] + Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]));
  const total = cum[fine];
  const out = new Float64Array(2 * n);
  let j = 0;
  for (let k = 0; k < n; k++) {
    const s = ((k + 0.5) / n) * total;
    while (j < fine && cum[j + 1] < s) j++;
    out[2 * k] = pts[j][0];
    out[2 * k + 1] = pts[j][1];
  }
  return out;
}

function curveTarget(name: TargetName, curve: (t: number) => [number, number], t0: number, t1: number, nModes: number, noise: number): Target {
  const modes = anchors(curve, t0, t1, nModes);
  // Anchor spacing along the curve; 3 sigma covers half of it, so every point of the curve is
  // within 3 sigma of some anchor.
  let length = 0;
  let prev = curve(t0);
  for (let i = 1; i <= 400; i++) {
    const p = curve(t0 + ((t1 - t0) * i) / 400);
    length += Math.hypot(p[0] - prev[0], p[1] - prev[1]);
    prev = p;
  }
  const sigma = Math.max(noise, length / nModes / 6);
  // Moons and circle have constant speed; the swiss roll is reparameterised (swissT).
  return {
    name,
    modes,
    sigma,
    sample(rng, out, i) {
      const t = t0 + (t1 - t0) * rng.next();
      const [x, y] = curve(reparam(t));
      out[2 * i] = x + noise * rng.normal();
      out[2 * i + 1] = y + noise * rng.normal();
    },
  };
  // Arc-length reparameterisation is only needed for the swiss roll; see swissT.
  function reparam(t: number) {
    return name === 'swiss' ? swissT(t) : t;
  }
}

// The swiss roll r = t/4 (t in [1.5 pi, 4.5 pi]) has speed growing with t; sampling t with
// density proportional to t (via the inverse CDF of a linear density) makes points uniform
// in arc length to a good approximation.
const SW0 = 1.5 * Math.PI;
const SW1 = 4.5 * Math.PI;
function swissT(u: number): number {
  const f = (u - SW0) / (SW1 - SW0);
  return Math.sqrt(SW0 * SW0 + f * (SW1 * SW1 - SW0 * SW0));
}
const swissCurve = (t: number): [number, number] => [(t * Math.cos(t)) / 5, (t * Math.sin(t)) / 5];

function mixtureTarget(name: TargetName, centers: number[][], sigma: number): Target {
  const modes = Float64Array.from(centers.flat());
  return {
    name,
    modes,
    sigma,
    sample(rng, out, i) {
      const k = rng.int(centers.length);
      out[2 * i] = centers[k][0] + sigma * rng.normal();
      out[2 * i + 1] = centers[k][1] + sigma * rng.normal();
    },
  };
}

/** Parses drawn points: "x y; x y; ..." (commas or spaces inside a pair). */
export function parseDrawn(s: string): number[][] {
  if (s.trim() === '') return [];
  return s
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(/[\s,]+/).filter(Boolean).map(Number));
}

export const MAX_DRAWN = 400;

export function drawnError(s: string): string | null {
  if (s.trim() === '') return null;
  const entries = s.split(';').map((p) => p.trim()).filter(Boolean);
  const expected = 'type each point as two numbers "x y" and separate points with ";", e.g. "0.5 1; -1 0"';
  for (const raw of entries) {
    const parts = raw.split(/[\s,]+/).filter(Boolean);
    if (parts.length !== 2 || !parts.every((t) => NUMBER.test(t))) return `"${raw}" is not a point: ${expected}.`;
    if (parts.some((t) => Math.abs(Number(t)) > EXTENT)) {
      return `"${raw}" is outside the plane: both coordinates must lie between −${EXTENT} and ${EXTENT}.`;
    }
  }
  if (entries.length > MAX_DRAWN) return `you typed ${entries.length} points; type at most ${MAX_DRAWN}.`;
  return null;
}

/** Radius of the Gaussian put around each drawn point. */
export const DRAWN_SIGMA = 0.08;

export function makeTarget(name: TargetName, drawn = ''): Target {
  switch (name) {
    case 'ring8': {
      const c = Array.from({ length: 8 }, (_, k) => [2 * Math.cos((2 * Math.PI * k) / 8), 2 * Math.sin((2 * Math.PI * k) / 8)]);
      return mixtureTarget(name, c, 0.05);
    }
    case 'grid25': {
      const c: number[][] = [];
      for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) c.push([i, j]);
      return mixtureTarget(name, c, 0.05);
    }
    case 'moons': {
      // Two interleaved half circles (radius 1), centred and scaled by 1.4.
      const s = 1.4;
      const curve = (t: number): [number, number] =>
        t < Math.PI
          ? [s * (Math.cos(t) - 0.5), s * (Math.sin(t) - 0.25)]
          : [s * (1 - Math.cos(t - Math.PI) - 0.5), s * (0.5 - Math.sin(t - Math.PI) - 0.25)];
      return curveTarget(name, curve, 0, 2 * Math.PI, 12, 0.06);
    }
    case 'swiss':
      return curveTarget(name, swissCurve, SW0, SW1, 16, 0.05);
    case 'circle':
      return curveTarget(name, (t) => [2 * Math.cos(t), 2 * Math.sin(t)], 0, 2 * Math.PI, 12, 0.04);
    case 'custom': {
      const pts = parseDrawn(drawn);
      if (pts.length === 0) throw new Error('Draw some points on the plane first (or pick another target).');
      return mixtureTarget(name, pts, DRAWN_SIGMA);
    }
  }
}

export function sampleTarget(t: Target, rng: Rng, n: number): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) t.sample(rng, out, i);
  return out;
}

/** For each point, the index of the nearest mode centre and the distance to it. */
function nearest(points: ArrayLike<number>, modes: ArrayLike<number>): { idx: Int32Array; dist: Float64Array } {
  const n = points.length / 2;
  const k = modes.length / 2;
  const idx = new Int32Array(n);
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = points[2 * i];
    const y = points[2 * i + 1];
    let best = Infinity;
    let bi = -1;
    for (let j = 0; j < k; j++) {
      const dx = x - modes[2 * j];
      const dy = y - modes[2 * j + 1];
      const d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        bi = j;
      }
    }
    idx[i] = bi;
    dist[i] = Math.sqrt(best);
  }
  return { idx, dist };
}

/**
 * Mode statistics of a sample, after VEEGAN [Srivastava et al. 2017] and PacGAN [Lin et
 * al. 2018]: a point is high quality when it lies within 3 sigma of its nearest mode
 * centre, and it is registered to that mode. Those papers count a mode as captured once a single
 * high-quality point is registered to it; with 2,500 points a diffuse cloud early in training
 * touches every mode that way. Here a mode is covered only when it receives at least
 * `minShare` (default a fifth) of its fair share, minShare * n / K of the n points for K modes
 * (63 of 2,500 points on the ring of 8). high_quality: the percentage of points within 3 sigma
 * of some centre. Non-finite points count as neither.
 */
export const MIN_SHARE = 0.2;

export function modeStats(points: ArrayLike<number>, modes: ArrayLike<number>, sigma: number, minShare = MIN_SHARE): { modesCovered: number; highQuality: number } {
  const n = points.length / 2;
  if (n === 0) return { modesCovered: 0, highQuality: 0 };
  const { idx, dist } = nearest(points, modes);
  const k = modes.length / 2;
  const hits = new Uint32Array(k);
  let good = 0;
  for (let i = 0; i < n; i++) {
    if (dist[i] <= 3 * sigma) {
      good++;
      hits[idx[i]]++;
    }
  }
  const need = Math.max(1, (minShare * n) / k);
  let covered = 0;
  for (const h of hits) if (h >= need) covered++;
  return { modesCovered: covered, highQuality: (100 * good) / n };
}

