import { describe, expect, it } from 'vitest';
import { HistoryAxes, linePath, niceCeil, stickyExtent, stickyMax } from '../../src/lib/chart-domain';

describe('sticky chart domains', () => {
  it('niceCeil rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.01, 2.2, 3, 7, 12, 0.031, 260].map(niceCeil)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 0.05, 500]);
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(NaN)).toBe(1);
  });

  it('stickyMax keeps its bound while the values fill enough of it', () => {
    const a = stickyMax(undefined, 0.42); // 0.42 * 1.15 = 0.483 -> 0.5
    expect(a).toBe(0.5);
    expect(stickyMax(a, 0.3)).toBe(0.5); // inside and over 40%: kept
    expect(stickyMax(a, 0.49)).toBe(0.5);
    expect(stickyMax(a, 0.6)).toBe(1); // outgrown: 0.69 -> 1
    expect(stickyMax(a, 0.1)).toBe(0.2); // shrunk below 40%: 0.115 -> 0.2
    expect(stickyMax(a, NaN)).toBe(0.5);
  });

  it('a curve that creeps up redraws its frame only a few times', () => {
    let bound: number | undefined;
    let changes = 0;
    for (let i = 0; i <= 1000; i++) {
      const next = stickyMax(bound, 0.2 + i * 0.001); // 0.2 -> 1.2
      if (next !== bound) changes++;
      bound = next;
      expect(bound).toBeGreaterThanOrEqual(0.2 + i * 0.001);
    }
    expect(changes).toBeLessThanOrEqual(4);
  });

  it('stickyExtent covers the data, keeps its range while it fits and pads with nice steps', () => {
    const r = stickyExtent(undefined, -1.43, -1.21);
    expect(r[0]).toBeLessThanOrEqual(-1.43);
    expect(r[1]).toBeGreaterThanOrEqual(-1.21);
    expect(stickyExtent(r, -1.40, -1.25)).toBe(r);
    const wider = stickyExtent(r, -2, -1.21);
    expect(wider).not.toBe(r);
    expect(wider[0]).toBeLessThanOrEqual(-2);
    expect(stickyExtent(undefined, 3, 3)[0]).toBeLessThan(3);
    expect(stickyExtent(undefined, 3, 3)[1]).toBeGreaterThan(3);
  });

  it('linePath maps through the scales and breaks at non-finite points', () => {
    const sx = (v: number) => 10 * v;
    const sy = (v: number) => 100 - v;
    expect(linePath([0, 1, 2], [5, 6, 7.123], sx, sy)).toBe('M0,95L10,94L20,92.88');
    expect(linePath([0, 1, 2, 3], [1, NaN, 2, 3], sx, sy)).toBe('M0,99M20,98L30,97');
    expect(linePath([], [], sx, sy)).toBe('');
  });

  it('HistoryAxes keeps its key while a history grows inside its axes, and covers reference levels', () => {
    const axes = new HistoryAxes();
    const steps: number[] = [];
    const values: number[] = [];
    const keys = new Set<string>();
    for (let s = 0; s <= 2000; s += 10) {
      steps.push(s);
      values.push(-1.4 + 0.4 * (1 - Math.exp(-s / 300))); // climbs towards -1.0
      keys.add(axes.update(steps, values, [-0.98]));
      expect(axes.x[1]).toBeGreaterThanOrEqual(s);
      expect(axes.y[0]).toBeLessThanOrEqual(Math.min(...values));
      expect(axes.y[1]).toBeGreaterThanOrEqual(-0.98);
    }
    expect(keys.size).toBeLessThanOrEqual(12); // 201 updates; x doubles now and then (10, 25, 50, ... 2000)
    expect(axes.update([], [NaN])).toBe(axes.update([], [NaN]));
  });
});
