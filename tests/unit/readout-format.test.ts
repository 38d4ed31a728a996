/** How readouts print numbers: counts as they are, a readout's digits always, nothing collapsing to 0.00. */
import { describe, expect, it } from 'vitest';
import { formatMetric } from '../../src/widget-host/readouts';

const f = (v: number | string, digits?: number) => formatMetric(v, { name: 'm', label: 'm', digits });

describe('formatMetric', () => {
  it('counts without digits print as integers', () => {
    expect(f(1234)).toBe('1234');
    expect(f(0)).toBe('0');
  });
  it('a readout with digits shows them for whole numbers too (x1 -1.000 beside x2 -1.000)', () => {
    expect(f(-1, 4)).toBe('-1.000');
    expect(f(2, 3)).toBe('2.00');
  });
  it('a float that is zero up to rounding reads 0.000, not 1.438e-247', () => {
    expect(f(1.438e-247, 4)).toBe('0.000');
    expect(f(-3e-17, 4)).toBe('0.000');
  });
  it('small values keep at least two significant digits (MMD² 0.0021, not 0.00)', () => {
    expect(f(0.00213, 3)).toBe('0.0021');
    expect(f(0.0416, 3)).toBe('0.042');
    expect(f(0.5, 4)).toBe('0.500');
    expect(f(12.345, 4)).toBe('12.35');
    expect(f(-1.3862944, 5)).toBe('-1.3863');
  });
  it('a readout with fixed decimals keeps them (a loss near 0 reads -0.0003, not -2.578e-4), and no -0.0000', () => {
    const g = (v: number, decimals: number) => formatMetric(v, { name: 'm', label: 'm', digits: 4, decimals });
    expect(g(-2.578e-4, 4)).toBe('-0.0003');
    expect(g(0.69615, 4)).toBe('0.6962');
    expect(g(-1.3862944, 4)).toBe('-1.3863');
    expect(g(-2.5e-5, 4)).toBe('0.0000');
    expect(g(12.5, 0)).toBe('13');
  });
  it('very small and very large values in exponent form; text as it is', () => {
    expect(f(2.5e-5, 3)).toBe('2.50e-5');
    expect(f(3.2e7, 3)).toBe('3.20e+7');
    expect(f('n/a')).toBe('n/a');
    expect(f(Infinity, 3)).toBe('Infinity');
  });
});

describe('chart tick labels (widget-host/plot.ts)', () => {
  it('log ticks as decimals, not SI prefixes; no six-digit tails to clip; thousands separated', async () => {
    const { tickLabel } = await import('../../src/widget-host/plot');
    expect([0.1, 0.01, 0.001].map(tickLabel)).toEqual(['0.1', '0.01', '0.001']);
    expect(tickLabel(0.041524)).toBe('0.04152');
    expect(tickLabel(1.9999999)).toBe('2');
    expect(tickLabel(0.693147)).toBe('0.6931');
    expect(tickLabel(0)).toBe('0');
    expect(tickLabel(8000)).toBe('8,000');
    expect(tickLabel(-2.5)).toBe('−2.5');
    expect(tickLabel(3e-6)).toBe('3.0e−6');
    expect(tickLabel(-3e-6)).toBe('−3.0e−6');
    expect(tickLabel('a')).toBe('a');
  });
});
