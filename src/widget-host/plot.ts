import * as Plot from '@observablehq/plot';

/**
 * Observable Plot puts a <style> element inside every chart it makes. Inserting a stylesheet makes
 * the browser re-match styles across the whole page, and a chapter page carries tens of thousands
 * of KaTeX nodes: at ten redraws a second that cost 6-9 ms of every frame here. This wrapper moves
 * each distinct rule text, once, into one shared <style> in the head and strip it from the chart
 * (export.ts puts those rules back into a saved SVG).
 */
const hoisted = new Set<string>();
let sheet: HTMLStyleElement | null = null;

export function hoistPlotStyles<T extends Element>(el: T): T {
  for (const s of el.querySelectorAll('style')) {
    const text = s.textContent ?? '';
    if (!hoisted.has(text)) {
      hoisted.add(text);
      if (!sheet) {
        sheet = document.createElement('style');
        sheet.dataset.plotStyles = '';
        document.head.append(sheet);
      }
      sheet.append(`${text}\n`);
    }
    s.remove();
  }
  return el;
}

/**
 * Tick labels as a reader writes numbers: at most four significant digits and thousands
 * separators (0.04152, not 0.041524 clipped to "041524"; 2, not 1.99999 clipped to "99999"),
 * and plain decimals on log axes (0.1, 0.01, not Plot's SI "100m", "10m").
 */
export function tickLabel(v: unknown): string {
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  // A typographic minus, as Plot's own ticks have.
  if (a < 1e-4 || a >= 1e9) return v.toExponential(1).replace('e+', 'e').replaceAll('-', '−');
  return v.toLocaleString('en-US', { maximumSignificantDigits: 4 }).replace('-', '−');
}

const NUMERIC = new Set([undefined, 'linear', 'log', 'sqrt', 'pow', 'symlog']);

/** Pixels a tick label of `chars` characters needs at the chart font size (CSS: 12 px, 15 px in lecture mode). */
export function labelWidth(chars: number, fontPx: number): number {
  return Math.ceil(chars * 0.62 * fontPx);
}

/** Plot.plot without the per-chart <style> element, with readable tick labels on numeric axes. */
export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const opts: Plot.PlotOptions = { ...options };
  for (const axis of ['x', 'y'] as const) {
    const scale = opts[axis];
    if (scale && typeof scale === 'object' && !('tickFormat' in scale) && NUMERIC.has(scale.type as string | undefined)) {
      opts[axis] = { ...scale, tickFormat: tickLabel };
    } else if (scale === undefined) {
      opts[axis] = { tickFormat: tickLabel };
    }
  }
  // Plot places the x-axis label for its own 10 px ticks: with 12-15 px ticks (book.css) the label
  // would overlap them, so a chart with a bottom x axis gets 6 px more margin and the label below.
  const x = opts.x;
  if (opts.marginBottom === undefined && opts.margin === undefined && x && typeof x === 'object' && x.axis !== null && x.axis !== 'top' && !('labelOffset' in x)) {
    opts.marginBottom = 36;
    opts.x = { ...x, labelOffset: 33 };
  }
  const chart = Plot.plot(opts);
  // The chart text is larger than Plot's 10 px (book.css), so Plot's default 40 px left margin
  // can clip the y tick labels: if the longest one does not fit, draw again with room for it.
  if (opts.marginLeft === undefined && opts.margin === undefined) {
    const fontPx = typeof document !== 'undefined' && document.querySelector('.widget.lecture') ? 15 : 12;
    let chars = 0;
    for (const t of chart.querySelectorAll('[aria-label="y-axis tick label"] text')) chars = Math.max(chars, (t.textContent ?? '').length);
    const need = labelWidth(chars, fontPx) + 9;
    if (chars > 0 && need > 40) return hoistPlotStyles(Plot.plot({ ...opts, marginLeft: need }));
  }
  return hoistPlotStyles(chart);
}

/** Curves over the same xs as long-format rows { x, y, name }, series after series, for marks that split by `z: 'name'`. */
export function curveRows(xs: ArrayLike<number>, series: Record<string, ArrayLike<number>>): { x: number; y: number; name: string }[] {
  return Object.entries(series).flatMap(([name, ys]) => Array.from(xs, (x, i) => ({ x, y: ys[i], name })));
}

/** Several recent histories as rows { step, y, name } (step = index in the kept window); non-finite values are left out. */
export function historyRows(series: Record<string, ArrayLike<number>>): { step: number; y: number; name: string }[] {
  return Object.entries(series)
    .flatMap(([name, ys]) => Array.from(ys, (y, step) => ({ step, y, name })))
    .filter((d) => Number.isFinite(d.y));
}
