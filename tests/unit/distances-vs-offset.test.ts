import { describe, expect, it } from 'vitest';
import { createModel as createDistances, specs as distancesSpecs, linesJs, linesKl, linesW1 } from '../../src/widgets/distances-vs-offset/model';
import { defaults, parseValue } from '../../src/lib/params';
import { w1Exact } from '../../src/widgets/w1-1d/model';
import { jsd } from '../../src/lib/density/divergences';
import { parseMixture } from '../../src/lib/density/mixture';

describe('distances-vs-offset: parallel lines', () => {
  it('closed forms, and the 1-D analogue by quadrature (a thin block shifted by theta)', () => {
    expect(linesW1(-2)).toBe(2);
    expect(linesJs(0.1)).toBeCloseTo(Math.LN2, 12);
    expect(linesJs(0)).toBe(0);
    expect(linesKl(0.5)).toBe(Infinity);
    // Horizontal cross-section of the two segments: two thin blocks at 0 and theta.
    for (const t of [0.5, 1, 3]) {
      const p = parseMixture('U(-0.01, 0.01)');
      const q = parseMixture(`U(${t - 0.01}, ${t + 0.01})`);
      expect(w1Exact(p, q)).toBeCloseTo(t, 3);
      expect(jsd(p, q)).toBeCloseTo(Math.LN2, 6);
    }
  });
  it('gradient descent on W1 reaches 0; on JS it never moves', () => {
    const m = createDistances(defaults(distancesSpecs));
    for (let i = 0; i < 29; i++) m.step();
    expect(m.thetaW()).toBeCloseTo(0.05, 9);
    expect(m.done!()).toBe(false);
    m.step();
    expect(m.thetaW()).toBe(0);
    // Arrived: the run is finished (the worker stops playing it).
    expect(m.done!()).toBe(true);
    expect(m.thetaJs()).toBe(1.5);
    for (const bad of ['0', '-1', '1e9', 'abc']) expect(parseValue(distancesSpecs[1], bad).ok).toBe(false);
  });
});
