import { describe, expect, it } from 'vitest';
import { cdf, mean, mixtureError, parseMixture, pdf, sampleMany, variance } from '../../src/lib/density/mixture';
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
