/**
 * One-dimensional distributions in the book's text form: terms joined by "+", each an optional
 * weight and then N(mu, sigma) or U(a, b), e.g. "0.3 N(-2, 0.5) + 0.7 N(1, 1)". Weights are
 * normalised. Densities, CDFs, sampling and a sensible plotting range come with them.
 */
import type { Rng } from '../rng';
import { parseErrorOf, text, type TextSpec } from '../params';
import { normalQuantile } from './normal-quantile';

export type Component =
  | { kind: 'normal'; weight: number; mu: number; sigma: number }
  | { kind: 'uniform'; weight: number; a: number; b: number };

export interface Mixture {
  components: Component[];
  text: string;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const NUM = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const TERM = new RegExp(String.raw`^(?:(${NUM})\s*\*?\s*)?([NU])\s*\(\s*(${NUM})\s*,\s*(${NUM})\s*\)$`, 'i');

export class MixtureParseError extends Error {}

export function parseMixture(text: string): Mixture {
  const src = text.trim();
  if (!src) throw new MixtureParseError('empty: write e.g. N(0, 1) or 0.5 N(-2, 1) + 0.5 U(1, 3)');
  // Split on "+" that separates terms (not the sign of an exponent or of a number inside parentheses).
  const terms: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new MixtureParseError(`unbalanced ")" at character ${i + 1}`);
    if (ch === '+' && depth === 0 && cur.trim() !== '' && !/[eE]$/.test(cur.trim())) {
      terms.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) throw new MixtureParseError('unbalanced "(": every N( or U( needs a closing ")"');
  terms.push(cur);
  if (terms.length > 12) throw new MixtureParseError(`too many terms (${terms.length}; at most 12)`);
  const comps: Component[] = [];
  for (const raw of terms) {
    const t = raw.trim();
    const m = TERM.exec(t);
    if (!m) throw new MixtureParseError(`cannot read "${t}": expected [weight] N(mu, sigma) or [weight] U(a, b)`);
    const w = m[1] === undefined ? 1 : Number(m[1]);
    const p1 = Number(m[3]);
    const p2 = Number(m[4]);
    if (!(w > 0) || !Number.isFinite(w)) throw new MixtureParseError(`weight of "${t}" must be positive`);
    if (Math.abs(p1) > 1e3 || Math.abs(p2) > 1e3) throw new MixtureParseError(`"${t}": parameters must lie within ±1000`);
    if (m[2].toUpperCase() === 'N') {
      if (!(p2 > 0)) throw new MixtureParseError(`"${t}": sigma must be positive`);
      if (p2 < 1e-3) throw new MixtureParseError(`"${t}": sigma must be at least 0.001`);
      comps.push({ kind: 'normal', weight: w, mu: p1, sigma: p2 });
    } else {
      if (!(p2 > p1)) throw new MixtureParseError(`"${t}": U(a, b) needs a < b`);
      if (p2 - p1 < 1e-3) throw new MixtureParseError(`"${t}": U(a, b) needs b - a of at least 0.001`);
      comps.push({ kind: 'uniform', weight: w, a: p1, b: p2 });
    }
  }
  const total = comps.reduce((s, c) => s + c.weight, 0);
  for (const c of comps) c.weight /= total;
  return { components: comps, text: src };
}

/** Error message for a text field, or null when it parses. */
export const mixtureError = parseErrorOf(parseMixture);

/** A text setting that holds a mixture ("0.3 N(-2, 0.5) + 0.7 U(0, 3)"), checked by mixtureError. */
export function mixtureSpec(name: string, label: string, value: string, maxLength = 400): TextSpec {
  return text(name, label, value, { maxLength, validate: mixtureError, wide: true });
}

export function normalPdf(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / sigma;
}

export function normalLogPdf(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma);
}

/** Error function (Abramowitz-Stegun 7.1.26 refined by one Newton-free correction; |err| < 1.5e-7). */
export function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

export function normalCdf(x: number, mu: number, sigma: number): number {
  return 0.5 * (1 + erf((x - mu) / (sigma * Math.SQRT2)));
}

export function pdf(m: Mixture, x: number): number {
  let p = 0;
  for (const c of m.components) {
    if (c.kind === 'normal') p += c.weight * normalPdf(x, c.mu, c.sigma);
    else if (x >= c.a && x <= c.b) p += c.weight / (c.b - c.a);
  }
  return p;
}

export function cdf(m: Mixture, x: number): number {
  let F = 0;
  for (const c of m.components) {
    if (c.kind === 'normal') F += c.weight * normalCdf(x, c.mu, c.sigma);
    else F += c.weight * Math.min(1, Math.max(0, (x - c.a) / (c.b - c.a)));
  }
  return F;
}

export function mean(m: Mixture): number {
  return m.components.reduce((s, c) => s + c.weight * (c.kind === 'normal' ? c.mu : (c.a + c.b) / 2), 0);
}

export function variance(m: Mixture): number {
  const mu = mean(m);
  let second = 0;
  for (const c of m.components) {
    if (c.kind === 'normal') second += c.weight * (c.sigma * c.sigma + c.mu * c.mu);
    else second += c.weight * ((c.b - c.a) ** 2 / 12 + ((c.a + c.b) / 2) ** 2);
  }
  return second - mu * mu;
}

export function sample(m: Mixture, rng: Rng): number {
  const c = m.components[rng.categorical(m.components.map((k) => k.weight))];
  return c.kind === 'normal' ? rng.normal(c.mu, c.sigma) : rng.uniform(c.a, c.b);
}

export function sampleMany(m: Mixture, rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = sample(m, rng);
  return out;
}

/** An interval holding essentially all the mass of every given mixture (for grids and plots). */
export function support(ms: Mixture[], pad = 0.1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of ms) {
    for (const c of m.components) {
      const [a, b] = c.kind === 'normal' ? [c.mu - 5 * c.sigma, c.mu + 5 * c.sigma] : [c.a, c.b];
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
  }
  const w = hi - lo;
  return [lo - pad * w, hi + pad * w];
}

/** The points where a density may jump (uniform edges): quadrature grids should include them. */
export function breakpoints(ms: Mixture[]): number[] {
  const out: number[] = [];
  for (const m of ms) for (const c of m.components) if (c.kind === 'uniform') out.push(c.a, c.b);
  return out.sort((a, b) => a - b);
}

/**
 * n draws from m, stratified: the component counts follow the weights by systematic sampling
 * (one uniform offset), and within a component its n_k draws take one stratum (j + u_j) / n_k
 * each of its quantile function. Every draw on its own is distributed as m, so the minibatch
 * loss is still an unbiased estimate of the expected loss; its variance is far smaller than
 * with independent draws (how many samples fall in any interval is nearly fixed).
 * Returned in random order.
 */
export function sampleStratified(m: Mixture, rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  const counts = new Array<number>(m.components.length).fill(0);
  const u0 = rng.next();
  let cum = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const u = (i + u0) / n;
    while (k < m.components.length - 1 && u >= cum + m.components[k].weight) cum += m.components[k++].weight;
    counts[k]++;
  }
  let o = 0;
  m.components.forEach((c, ci) => {
    const nk = counts[ci];
    for (let j = 0; j < nk; j++) {
      const v = (j + rng.next()) / nk;
      out[o++] = c.kind === 'normal' ? c.mu + c.sigma * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, v))) : c.a + (c.b - c.a) * v;
    }
  });
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}
