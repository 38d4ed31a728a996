import { describe, expect, it } from 'vitest';
import { createModel as createDensity1d, datasetFor, specs as density1dSpecs } from '../../src/widgets/density-1d/model';
import { emStep, gmmLogLik, initGmm } from '../../src/lib/density/gmm';
import { looLogLik, silverman } from '../../src/lib/density/kde';
import { defaults, readParams } from '../../src/lib/params';
import { train } from '../../src/lib/model';
import { Rng } from '../../src/lib/rng';

const base = defaults(density1dSpecs);

describe('EM for a Gaussian mixture', () => {
  it('never decreases the log-likelihood', () => {
    const x = datasetFor({ ...base, preset: 'trimodal', n: 300 });
    const g = initGmm(x, 3, new Rng(4));
    let prev = gmmLogLik(g, x);
    for (let i = 0; i < 60; i++) {
      emStep(g, x, 1e-3);
      const ll = gmmLogLik(g, x);
      expect(ll).toBeGreaterThanOrEqual(prev - 1e-9);
      prev = ll;
    }
  });

  it('recovers the two components of the default preset', () => {
    const model = createDensity1d(base);
    train(model, 100, ['loglik']);
    const g = model.gmm()!;
    const order = Array.from(g.means.keys()).sort((a, b) => g.means[a] - g.means[b]);
    // The preset is 0.45 N(-2, 0.6) + 0.55 N(1.5, 1), 200 samples.
    expect(g.means[order[0]]).toBeCloseTo(-2, 0);
    expect(g.means[order[1]]).toBeCloseTo(1.5, 0);
    expect(Math.abs(g.weights[order[0]] - 0.45)).toBeLessThan(0.08);
  });
});

describe('kernel density', () => {
  it('leave-one-out derivative matches a finite difference', () => {
    const x = datasetFor({ ...base, n: 100 });
    const h = 0.4;
    const eps = 1e-5;
    const fd = (looLogLik(x, h * Math.exp(eps)).value - looLogLik(x, h * Math.exp(-eps)).value) / (2 * eps);
    expect(looLogLik(x, h).dLogH).toBeCloseTo(fd, 5);
  });

  it('learning h climbs the leave-one-out likelihood to a stationary point near Silverman', () => {
    const model = createDensity1d({ ...base, method: 'kde', bandwidth: 3 });
    const before = model.logLik();
    train(model, 150, ['loglik']);
    const x = datasetFor(base);
    expect(model.logLik()).toBeGreaterThan(before);
    expect(Math.abs(looLogLik(x, model.bandwidth()).dLogH)).toBeLessThan(1e-3);
    const ratio = model.bandwidth() / silverman(x);
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
  });
});

describe('density-1d model', () => {
  it('same URL state, same numbers', () => {
    const { values } = readParams('density-1d', '?density-1d.seed=7&density-1d.k=3&density-1d.preset=trimodal', density1dSpecs);
    const a = createDensity1d(values);
    const b = createDensity1d(values);
    train(a, 25);
    train(b, 25);
    expect(a.metrics().loglik).toBe(b.metrics().loglik);
    const c = createDensity1d({ ...values, seed: 8 });
    train(c, 25);
    expect(c.metrics().loglik).not.toBe(a.metrics().loglik);
  });

  it('too few points gives a message instead of a fit', () => {
    const m = createDensity1d({ ...base, preset: 'custom', points: '1.5', k: 2 });
    m.step();
    expect((m.view() as { message: string }).message).toMatch(/at least 2 points/);
    expect(() => m.command!('sample', { n: 10 })).toThrow();
  });

  it('samples from the fit follow it', () => {
    const m = createDensity1d(base);
    train(m, 50);
    m.command!('sample', { n: 4000 });
    const s = (m.view() as { samples: Float32Array }).samples;
    const mu = s.reduce((a, b) => a + b, 0) / s.length;
    const x = datasetFor(base);
    const dataMean = x.reduce((a, b) => a + b, 0) / x.length;
    expect(mu).toBeCloseTo(dataMean, 1);
  });
});

describe('held-out log-likelihood (chapter 1)', () => {
  // 20,000 fresh points from the preset's density; chapter 1 quotes these numbers (seed 1, 200 steps).
  it('k = 10 scores higher than k = 2 on its training points and lower on fresh points', () => {
    const two = createDensity1d(base);
    const ten = createDensity1d({ ...base, k: 10 });
    train(two, 200);
    train(ten, 200);
    expect(two.logLik()).toBeCloseTo(-1.883, 3);
    expect(two.heldoutLogLik()).toBeCloseTo(-1.857, 3);
    expect(ten.logLik()).toBeCloseTo(-1.860, 3);
    expect(ten.heldoutLogLik()).toBeCloseTo(-1.880, 3);
    expect(ten.logLik()).toBeGreaterThan(two.logLik());
    expect(ten.heldoutLogLik()).toBeLessThan(two.heldoutLogLik());
    expect(two.metrics().heldout_loglik).toBe(two.heldoutLogLik());
  });

  it('is reported for presets only, and stays finite for a spiky kernel density', () => {
    const mine = createDensity1d({ ...base, preset: 'custom', points: '0, 1, 2, 3' });
    mine.step();
    expect(mine.metrics().heldout_loglik).toBeUndefined();
    const spiky = createDensity1d({ ...base, method: 'kde', bandwidth: 0.01, learn_bw: false });
    expect(spiky.heldoutLogLik()).toBeCloseTo(-10.69, 2);
    const kde = createDensity1d({ ...base, method: 'kde', bandwidth: 0.5 });
    train(kde, 200);
    expect(kde.heldoutLogLik()).toBeCloseTo(-1.876, 3);
  });
});
