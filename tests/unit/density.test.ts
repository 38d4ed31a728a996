import { describe, expect, it } from 'vitest';
import { cdf, mean, mixtureError, normalCdf, parseMixture, pdf, sampleMany, sampleStratified, variance } from '../../src/lib/density/mixture';
import { normalQuantile } from '../../src/lib/density/normal-quantile';
import { integrate, simpson } from '../../src/lib/density/quadrature';
import { jsd, kl, optimalD } from '../../src/lib/density/divergences';
import { Rng } from '../../src/lib/rng';

describe('mixture text form', () => {
  it('parses weights, normalises them, and reads both families', () => {
    const m = parseMixture('0.3 N(-2, 0.5) + 0.9 U(1, 3)');
    expect(m.components).toHaveLength(2);
    expect(m.components[0]).toMatchObject({ kind: 'normal', mu: -2, sigma: 0.5 });
    expect(m.components[0].weight).toBeCloseTo(0.25, 12);
    expect(m.components[1]).toMatchObject({ kind: 'uniform', a: 1, b: 3 });
    expect(parseMixture('N(1e-1, 2E0)').components[0]).toMatchObject({ mu: 0.1, sigma: 2 });
  });

  it.each([
    ['', /empty/],
    ['N(0, 0)', /sigma must be positive/],
    ['N(0, -1)', /sigma must be positive/],
    ['U(2, 1)', /a < b/],
    ['N(0, 1) +', /cannot read/],
    ['N(0, 1', /unbalanced/],
    ['G(0, 1)', /cannot read/],
    ['-1 N(0, 1)', /cannot read|weight/],
    ['N(abc, 1)', /cannot read/],
  ])('rejects %j', (text, msg) => {
    expect(mixtureError(text)).toMatch(msg);
  });

  it('densities integrate to one and CDFs match', () => {
    const m = parseMixture('0.3 N(-2, 0.5) + 0.7 U(1, 3)');
    expect(integrate((x) => pdf(m, x), -10, 10, [1, 3])).toBeCloseTo(1, 6);
    expect(cdf(m, 10)).toBeCloseTo(1, 9);
    expect(cdf(m, 2)).toBeCloseTo(0.3 + 0.35, 6);
  });

  it('moments match samples', () => {
    const m = parseMixture('0.5 N(-2, 1) + 0.5 N(2, 0.5)');
    expect(mean(m)).toBeCloseTo(0, 12);
    expect(variance(m)).toBeCloseTo(0.5 * (1 + 4) + 0.5 * (0.25 + 4), 12);
    const xs = sampleMany(m, new Rng(5), 100_000);
    const mu = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mu).toBeCloseTo(0, 1);
  });

  it('the normal quantile inverts the normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    for (const p of [1e-9, 1e-4, 0.02, 0.3, 0.7, 0.99, 1 - 1e-7]) expect(normalCdf(normalQuantile(p), 0, 1)).toBeCloseTo(p, 6);
  });
});

describe('stratified sampling', () => {
  const m = parseMixture('0.2 N(-2, 0.3) + 0.5 U(-1, 2) + 0.3 N(1.5, 0.05)');
  /** Kolmogorov-Smirnov distance of a sample from the mixture's CDF. */
  const ks = (xs: ArrayLike<number>) => {
    const s = Float64Array.from(xs).sort();
    let d = 0;
    for (let i = 0; i < s.length; i++) {
      const F = cdf(m, s[i]);
      d = Math.max(d, Math.abs(F - i / s.length), Math.abs(F - (i + 1) / s.length));
    }
    return d;
  };

  it('every draw on its own follows the mixture (the batch is in random order)', () => {
    const rng = new Rng(3);
    // the first and the last draw of 4,000 batches of 8: KS distance under 0.03 (5% critical value 0.0215)
    const first: number[] = [];
    const last: number[] = [];
    for (let b = 0; b < 4000; b++) {
      const xs = sampleStratified(m, rng, 8);
      first.push(xs[0]);
      last.push(xs[7]);
    }
    expect(ks(first)).toBeLessThan(0.03);
    expect(ks(last)).toBeLessThan(0.03);
    // a whole batch of 1,024 matches the CDF far more closely than independent draws do
    expect(ks(sampleStratified(m, rng, 1024))).toBeLessThan(0.004);
  });

  it('the count in any interval is within 3 per component of n (F(b) - F(a)); independent draws stray further', () => {
    const rng = new Rng(4);
    const n = 1024;
    const strat = sampleStratified(m, rng, n);
    const iid = sampleMany(m, rng, n);
    let worstStrat = 0;
    let worstIid = 0;
    for (let t = 0; t < 200; t++) {
      const a = rng.uniform(-3, 2);
      const b = a + rng.uniform(0.01, 2);
      const want = n * (cdf(m, b) - cdf(m, a));
      const count = (xs: Float32Array) => xs.reduce((c, x) => c + (x > a && x <= b ? 1 : 0), 0);
      worstStrat = Math.max(worstStrat, Math.abs(count(strat) - want));
      worstIid = Math.max(worstIid, Math.abs(count(iid) - want));
    }
    expect(worstStrat).toBeLessThanOrEqual(3 * m.components.length);
    expect(worstIid).toBeGreaterThan(3 * m.components.length);
  });
});

describe('quadrature', () => {
  it('Simpson is exact on cubics and accurate on a Gaussian', () => {
    expect(simpson((x) => x ** 3 - 2 * x + 1, 0, 2, 10)).toBeCloseTo(4 - 4 + 2, 12);
    expect(simpson((x) => Math.exp(-x * x), -8, 8, 400)).toBeCloseTo(Math.sqrt(Math.PI), 10);
  });
});

describe('divergences', () => {
  it('KL between normals has its closed form', () => {
    const p = parseMixture('N(0, 1)');
    const q = parseMixture('N(1, 2)');
    const exact = Math.log(2 / 1) + (1 + 1) / (2 * 4) - 0.5;
    expect(kl(p, q)).toBeCloseTo(exact, 5);
  });

  it('JSD is 0 for identical and log 2 for disjoint distributions', () => {
    const p = parseMixture('0.3 N(-2, 0.5) + 0.7 N(1, 1)');
    expect(jsd(p, p)).toBeLessThan(1e-9);
    expect(jsd(parseMixture('U(0, 1)'), parseMixture('U(2, 3)'))).toBeCloseTo(Math.LN2, 6);
  });

  it('KL is infinite where q lacks p\'s support', () => {
    expect(kl(parseMixture('U(0, 2)'), parseMixture('U(0, 1)'))).toBe(Infinity);
  });

  it('the optimal discriminator', () => {
    expect(optimalD(1, 1)).toBe(0.5);
    expect(optimalD(3, 1)).toBe(0.75);
    expect(optimalD(0, 0)).toBe(0.5);
  });
});
