import { describe, expect, it } from 'vitest';
import { createModel as createReparam, exactGradient, exactVariances, specs as reparamSpecs, TEST_FUNCTIONS } from '../../src/widgets/reparam-gradients/model';
import { defaults, parseValue } from '../../src/lib/params';
import { firstNonFinite, train } from '../../src/lib/model';

const base = defaults(reparamSpecs);

function run(over: Record<string, number | string | boolean>, steps = 2000) {
  const m = createReparam({ ...base, ...over });
  const metrics = train(m, steps, ['var_score', 'var_reparam']);
  return { m, metrics };
}

describe('reparam-gradients', () => {
  it('exact gradients: closed forms agree with quadrature', () => {
    const sq = { ...TEST_FUNCTIONS.square, exact: undefined };
    const sn = { ...TEST_FUNCTIONS.sin, exact: undefined };
    expect(exactGradient(sq, 0.5, 1)).toBeCloseTo(1, 6);
    expect(exactGradient(sn, 0.5, 1)).toBeCloseTo(Math.cos(0.5) * Math.exp(-0.5), 6);
  });

  it('exact single-sample variances for f = z², mu = 0.5, sigma = 1 (the prose: 18.56 vs 4)', () => {
    const v = exactVariances(TEST_FUNCTIONS.square, 0.5, 1);
    // Analytic: score mu^4 + 14 mu^2 + 15, reparam 4 sigma^2.
    expect(v.score).toBeCloseTo(0.5 ** 4 + 14 * 0.25 + 15, 4);
    expect(v.reparam).toBeCloseTo(4, 4);
  });

  for (const f of ['square', 'sin', 'step']) {
    it(`both estimators are unbiased for ${f} (within 4 standard errors)`, () => {
      const { m, metrics } = run({ f }, 2000); // 20,000 samples
      expect(metrics.samples).toBe(20000);
      const g = Number(metrics.grad_exact);
      const seS = Math.sqrt(Number(metrics.var_score) / 20000);
      const seR = Math.sqrt(Number(metrics.var_reparam) / 20000);
      expect(Math.abs(Number(metrics.mean_score) - g)).toBeLessThan(4 * seS);
      expect(Math.abs(Number(metrics.mean_reparam) - g)).toBeLessThan(4 * seR);
      m.dispose();
    });
  }

  it('f = z², mu = 0.5, sigma = 1: the score estimator has about 4.6 times the variance', () => {
    const { metrics } = run({ f: 'square' }, 2000);
    const ratio = Number(metrics.var_score) / Number(metrics.var_reparam);
    expect(ratio).toBeGreaterThan(4);
    expect(ratio).toBeLessThan(5.3);
  });

  it('f = sin z, mu = 0.5, sigma = 0.3: the ratio is above 100 (exact 149)', () => {
    const { metrics } = run({ f: 'sin', sigma: 0.3 }, 2000);
    const ratio = Number(metrics.var_score) / Number(metrics.var_reparam);
    expect(ratio).toBeGreaterThan(100);
    expect(exactVariances(TEST_FUNCTIONS.sin, 0.5, 0.3).score / exactVariances(TEST_FUNCTIONS.sin, 0.5, 0.3).reparam).toBeCloseTo(149.06, 1);
  });

  it('the soft step at sigma = 1: the reparameterised estimator is NOT better (ratio about 0.84)', () => {
    const { metrics } = run({ f: 'step' }, 2000);
    const ratio = Number(metrics.var_score) / Number(metrics.var_reparam);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1);
  });

  it('a baseline f(mu) lowers the score variance for z² at sigma = 0.3', () => {
    const a = run({ f: 'square', sigma: 0.3 }, 2000).metrics;
    const b = run({ f: 'square', sigma: 0.3, baseline: true }, 2000).metrics;
    expect(Number(b.var_score)).toBeLessThan(0.8 * Number(a.var_score));
  });

  it('same seed, same run; view arrays have matching lengths', () => {
    const a = run({}, 50).metrics;
    const b = run({}, 50).metrics;
    expect(a).toEqual(b);
    const { m } = run({}, 30);
    const v = m.view() as { n: Float32Array; meanScore: Float32Array; recentScore: Float32Array };
    expect(v.n.length).toBe(30);
    expect(v.meanScore.length).toBe(30);
    expect(v.recentScore.length).toBe(300);
  });

  it('no non-finite readout before the first step (the runtime would call that divergence)', () => {
    const m = createReparam(base);
    expect(firstNonFinite(m.metrics())).toBeNull();
    m.step();
    expect(firstNonFinite(m.metrics())).toBeNull();
  });

  it('the recorded history spans the whole run evenly and stays short', () => {
    const { m } = run({}, 20000);
    const v = m.view() as { n: Float32Array };
    expect(v.n.length).toBeLessThanOrEqual(1000);
    expect(v.n.length).toBeGreaterThan(400);
    expect(v.n[0]).toBeLessThanOrEqual(10 * 64);
    expect(v.n[v.n.length - 1]).toBeGreaterThan(0.95 * 200000);
  });

  it('rejects bad sigma and samples-per-step values', () => {
    const sigma = reparamSpecs.find((s) => s.name === 'sigma')!;
    for (const bad of ['0', '-1', '1e9', 'abc']) expect(parseValue(sigma, bad).ok).toBe(false);
    const batch = reparamSpecs.find((s) => s.name === 'batch')!;
    for (const bad of ['0', '2.5', '1e9']) expect(parseValue(batch, bad).ok).toBe(false);
  });
});
