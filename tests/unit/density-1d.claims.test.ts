/**
 * Every number chapter 1 states about the density-1d widget, computed by the widget's own model
 * with the widget's default settings (two bumps, 200 points, seed 1).
 */
import { describe, expect, it } from 'vitest';
import { createModel as createDensity1d, datasetFor, specs as density1dSpecs, DENSITY_PRESETS } from '../../src/widgets/density-1d/model';
import { defaults } from '../../src/lib/params';
import { parseMixture, pdf } from '../../src/lib/density/mixture';
import { looLogLik } from '../../src/lib/density/kde';

const base = defaults(density1dSpecs);

function emRun(k: number, steps: number) {
  const m = createDensity1d({ ...base, k });
  for (let i = 0; i < steps; i++) m.step();
  return Number(m.metrics().loglik);
}

describe('chapter 1 claims', () => {
  it('EM with k = 2 settles within 15 steps at about -1.883 nats per point', () => {
    const m = createDensity1d(base);
    let prev = m.logLik();
    let settled = 0;
    for (let i = 1; i <= 100; i++) {
      m.step();
      const ll = m.logLik();
      if (!settled && Math.abs(ll - prev) < 1e-6) settled = i;
      prev = ll;
    }
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThanOrEqual(15);
    expect(prev).toBeCloseTo(-1.883, 3);
  });

  it('the true density scores about the same on these 200 points, and one Gaussian scores lower', () => {
    const x = datasetFor(base);
    const truth = parseMixture(DENSITY_PRESETS.bimodal.mixture);
    const trueLl = Array.from(x).reduce((s, v) => s + Math.log(pdf(truth, v)), 0) / x.length;
    expect(trueLl).toBeGreaterThan(-1.93);
    expect(trueLl).toBeLessThan(-1.883); // the fit beats the truth on its own training points
    expect(emRun(1, 50)).toBeCloseTo(-2.082, 2);
  });

  it('more components raise the training likelihood: k = 10 reaches about -1.86 after 200 steps', () => {
    const ll10 = emRun(10, 200);
    expect(ll10).toBeGreaterThan(-1.883);
    expect(ll10).toBeCloseTo(-1.86, 2);
  });

  it('the leave-one-out likelihood of a KDE peaks near h = 0.34 and collapses for tiny h', () => {
    const x = datasetFor(base);
    const m = createDensity1d({ ...base, method: 'kde', bandwidth: 0.5 });
    for (let i = 0; i < 200; i++) m.step();
    expect(m.bandwidth()).toBeCloseTo(0.34, 2);
    expect(m.logLik()).toBeCloseTo(-1.913, 3);
    expect(looLogLik(x, 0.01).value).toBeLessThan(-10);
    expect(looLogLik(x, 3).value).toBeCloseTo(-2.35, 2);
  });
});

describe('exercise 1.1', () => {
  it('k = 1 reaches -1/2 log(2 pi e sigma^2) after a single EM step', () => {
    const x = datasetFor(base);
    const mu = x.reduce((a, b) => a + b, 0) / x.length;
    const v = x.reduce((a, b) => a + (b - mu) ** 2, 0) / x.length;
    const m = createDensity1d({ ...base, k: 1 });
    m.step();
    expect(m.logLik()).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * Math.E * v), 10);
  });
});
