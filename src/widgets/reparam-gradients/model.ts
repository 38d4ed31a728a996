/**
 * Chapter 3's first widget: two Monte Carlo estimators of d/dmu E_{z ~ N(mu, sigma^2)}[f(z)].
 * The score-function (REINFORCE) estimator f(z) (z - mu) / sigma^2 needs only values of f; the
 * reparameterised (pathwise) estimator f'(mu + sigma eps) differentiates through the sample.
 * Both are unbiased; the widget tracks their running means and variances against the exact
 * gradient (closed form where there is one, quadrature otherwise).
 */
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { simpson } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';
export * from './settings';
import { type TestFunction, TEST_FUNCTIONS, type ReparamView } from './settings';

function normalPdf(x: number) {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** d/dmu E[f(mu + sigma eps)] = E[f'(mu + sigma eps)], by Simpson's rule over eps in [-10, 10]. */
export function exactGradient(fn: TestFunction, mu: number, sigma: number): number {
  if (fn.exact) return fn.exact(mu, sigma);
  return simpson((e) => fn.df(mu + sigma * e) * normalPdf(e), -10, 10, 20000);
}

/** Exact variance of one sample of each estimator, by quadrature (for tests and the prose). */
export function exactVariances(fn: TestFunction, mu: number, sigma: number, baseline = false): { score: number; reparam: number } {
  const g = exactGradient(fn, mu, sigma);
  const b = baseline ? fn.f(mu) : 0;
  const s2 = simpson((e) => ((fn.f(mu + sigma * e) - b) * e) ** 2 / (sigma * sigma) * normalPdf(e), -10, 10, 20000);
  const r2 = simpson((e) => fn.df(mu + sigma * e) ** 2 * normalPdf(e), -10, 10, 20000);
  return { score: s2 - g * g, reparam: r2 - g * g };
}

/** Welford running mean and variance. */
class Running {
  n = 0;
  mean = 0;
  m2 = 0;
  push(x: number) {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
  get variance() {
    return this.n > 1 ? this.m2 / (this.n - 1) : NaN;
  }
}

export function createModel(values: Values): Model & { score: Running; reparam: Running; exact: number } {
  const fn = TEST_FUNCTIONS[String(values.f)];
  if (!fn) throw new Error(`unknown function ${values.f}`);
  const mu = Number(values.mu);
  const sigma = Number(values.sigma);
  if (!(sigma > 0)) throw new Error('σ must be positive');
  const batch = Number(values.batch);
  const baseline = Boolean(values.baseline);
  const b = baseline ? fn.f(mu) : 0;
  const rng = new Rng(Number(values.seed));
  const exact = exactGradient(fn, mu, sigma);
  const score = new Running();
  const reparam = new Running();
  const hist = { n: [] as number[], ms: [] as number[], ss: [] as number[], mr: [] as number[], sr: [] as number[] };
  const RECENT = 2000;
  const recentS: number[] = [];
  const recentR: number[] = [];
  const xs = new Float32Array(161);
  const fx = new Float32Array(161);
  const px = new Float32Array(161);
  for (let i = 0; i < xs.length; i++) {
    const x = mu - 4 * sigma + (8 * sigma * i) / (xs.length - 1);
    xs[i] = x;
    fx[i] = fn.f(x);
    px[i] = normalPdf((x - mu) / sigma) / sigma;
  }
  let steps = 0;
  let stride = 1;
  const se = (r: Running) => (r.n > 1 ? Math.sqrt(r.variance / r.n) : NaN);

  return {
    score,
    reparam,
    exact,
    step() {
      for (let i = 0; i < batch; i++) {
        const eps = rng.normal();
        const z = mu + sigma * eps;
        const gs = ((fn.f(z) - b) * (z - mu)) / (sigma * sigma); // score function, 13.27's alternative
        const gr = fn.df(z); // pathwise: d/dmu f(mu + sigma eps)
        score.push(gs);
        reparam.push(gr);
        recentS.push(gs);
        recentR.push(gr);
      }
      if (recentS.length > RECENT) {
        recentS.splice(0, recentS.length - RECENT);
        recentR.splice(0, recentR.length - RECENT);
      }
      // Record every `stride`-th step; when the record is full, keep every other entry and
      // double the stride, so the record always spans the whole run evenly.
      steps++;
      if (steps % stride === 0) {
        hist.n.push(score.n);
        hist.ms.push(score.mean);
        hist.ss.push(se(score));
        hist.mr.push(reparam.mean);
        hist.sr.push(se(reparam));
        if (hist.n.length >= 1000) {
          stride *= 2;
          const keep = hist.n.map((n) => (n / batch) % stride === 0);
          for (const k of Object.keys(hist) as (keyof typeof hist)[]) hist[k] = hist[k].filter((_, i) => keep[i]);
        }
      }
    },
    metrics() {
      // Means and variances appear once there are samples to take them from.
      const m: Record<string, number> = { grad_exact: exact, samples: score.n };
      if (score.n > 0) {
        m.mean_score = score.mean;
        m.mean_reparam = reparam.mean;
      }
      if (score.n > 1) {
        m.var_score = score.variance;
        m.var_reparam = reparam.variance;
      }
      return m;
    },
    view(): ReparamView {
      return {
        exact,
        n: Float32Array.from(hist.n),
        meanScore: Float32Array.from(hist.ms),
        seScore: Float32Array.from(hist.ss),
        meanReparam: Float32Array.from(hist.mr),
        seReparam: Float32Array.from(hist.sr),
        recentScore: Float32Array.from(recentS),
        recentReparam: Float32Array.from(recentR),
        xs,
        fx,
        px,
      };
    },
    dispose() {},
  };
}
