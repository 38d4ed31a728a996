import { describe, expect, it } from 'vitest';
import { createModel as createMmd, specs as mmdSpecs } from '../../src/widgets/mmd/model';
import { mmd2FromGram, rbfGram } from '../../src/lib/mmd';
import { defaults, parseValue } from '../../src/lib/params';

const run = (over: Record<string, number | string>, steps = 10) => {
  const m = createMmd({ ...defaults(mmdSpecs), ...over });
  for (let i = 0; i < steps; i++) m.step();
  return m;
};

describe('mmd: kernel two-sample test', () => {
  it('the Gram-matrix estimate equals the unbiased formula computed directly', () => {
    const x = [0.1, -0.4, 1.3, 0.7];
    const y = [2.0, 1.1, -0.2];
    const h = 0.8;
    const k = (a: number, b: number) => Math.exp(-((a - b) ** 2) / (2 * h * h));
    let sxx = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) sxx += k(x[i], x[j]);
    let syy = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) syy += k(y[i], y[j]);
    let sxy = 0;
    for (const a of x) for (const b of y) sxy += k(a, b);
    const direct = sxx / 12 + syy / 6 - (2 * sxy) / 12;
    const pooled = [...x, ...y];
    const lab = Uint8Array.from([1, 1, 1, 1, 0, 0, 0]);
    expect(mmd2FromGram(rbfGram(pooled, h), 7, lab)).toBeCloseTo(direct, 12);
  });

  it('same distribution: MMD^2 near 0 and a large p-value (seed 1: p = 0.88)', () => {
    const m = run({ p: 'N(0, 1)', q: 'N(0, 1)' });
    expect(Math.abs(m.mmd2())).toBeLessThan(0.01);
    expect(m.pValue()).toBeGreaterThan(0.5);
    expect(m.permutations()).toBe(200);
  });

  it('different distributions: small p-values (the smallest possible, 1/201, after 200 shuffles)', () => {
    const shift = run({ p: 'N(0, 1)', q: 'N(1, 1)' });
    expect(shift.mmd2()).toBeGreaterThan(0.1);
    expect(shift.pValue()).toBeCloseTo(1 / 201, 12);
    // The default pair has nearly the same mean and variance and is still told apart.
    const bimodal = run({});
    expect(bimodal.pValue()).toBeLessThan(0.01);
  });

  it('bandwidth: h = 5 misses the default difference, h = 0.05 still finds it', () => {
    expect(run({ bandwidth: 5 }).pValue()).toBeCloseTo(0.632, 2);
    expect(run({ bandwidth: 0.05 }).pValue()).toBeLessThan(0.01);
  });

  it('typed points override the distributions; bad input is rejected', () => {
    const m = run({ points_p: '0, 0.1, 0.2, -0.1', points_q: '5, 5.2, 4.9, 5.1' }, 5);
    expect(m.mmd2()).toBeGreaterThan(0.4);
    const spec = (n: string) => mmdSpecs.find((s) => s.name === n)!;
    expect(parseValue(spec('points_p'), '1, two').ok).toBe(false);
    expect(parseValue(spec('points_p'), '1').ok).toBe(false);
    for (const bad of ['0', '-1', '1e9', 'abc']) expect(parseValue(spec('bandwidth'), bad).ok).toBe(false);
  });
});
