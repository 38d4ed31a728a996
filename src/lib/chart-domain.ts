/**
 * Axis domains that stay put while a model trains. A live chart whose axes change every frame
 * must be redrawn whole; with these "sticky" domains the frame (axes, ticks, grid) changes only
 * now and then, and in between only the curves move (src/widget-host/live-chart.ts).
 */

/** The smallest of 1, 2, 2.5, 5 times a power of ten that is >= v (v > 0). */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/**
 * An upper bound for values up to `needed`: kept while it still covers them and they fill at
 * least `fill` of it, otherwise a new nice bound with some headroom.
 */
export function stickyMax(prev: number | undefined, needed: number, fill = 0.4, headroom = 1.15): number {
  if (!Number.isFinite(needed) || needed <= 0) return prev ?? 1;
  if (prev !== undefined && needed <= prev && needed >= fill * prev) return prev;
  return niceCeil(needed * headroom);
}

/**
 * A [lo, hi] range for data spanning [min, max]: kept while it covers the data and the data fill at
 * least `fill` of it; otherwise the data's range padded by `pad` on each side and rounded out to a
 * step that is a nice fraction of the span.
 */
export function stickyExtent(prev: [number, number] | undefined, min: number, max: number, fill = 0.4, pad = 0.1): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return prev ?? [0, 1];
  if (prev && min >= prev[0] && max <= prev[1] && max - min >= fill * (prev[1] - prev[0])) return prev;
  let span = max - min;
  if (span <= 0) span = Math.abs(max) * 0.1 || 1;
  const step = niceCeil(span / 5);
  const lo = Math.floor((min - pad * span) / step) * step;
  const hi = Math.ceil((max + pad * span) / step) * step;
  return [lo, hi];
}

/** An SVG path through (sx(x[i]), sy(y[i])); non-finite points break the line, as in Plot. */
export function linePath(x: ArrayLike<number>, y: ArrayLike<number>, sx: (v: number) => number, sy: (v: number) => number): string {
  let d = '';
  let pen = false;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const px = sx(x[i]);
    const py = sy(y[i]);
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]) || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${Math.round(px * 100) / 100},${Math.round(py * 100) / 100}`;
    pen = true;
  }
  return d;
}

/**
 * Sticky axes of a metric-history chart (a value per training step): x from 0 to a nice step
 * count, y a padded range around the values and any `include`d reference levels. `update`
 * returns a key that changes only when an axis does.
 */
export class HistoryAxes {
  x: [number, number] = [0, 10];
  y: [number, number] = [0, 1];
  private xMax: number | undefined;
  private yExtent: [number, number] | undefined;

  update(steps: ArrayLike<number>, values: ArrayLike<number>, include: number[] = []): string {
    this.xMax = stickyMax(this.xMax, Math.max(10, steps.length ? steps[steps.length - 1] : 0), 0.3, 1);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of [...Array.from(values), ...include]) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    this.yExtent = stickyExtent(this.yExtent, lo, hi, 0.3);
    this.x = [0, this.xMax];
    this.y = this.yExtent;
    return `${this.xMax} ${this.y[0]} ${this.y[1]}`;
  }
}
