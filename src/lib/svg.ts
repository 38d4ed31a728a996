/**
 * A small SVG chart writer for the static fallback figures (build time, no DOM). Line series,
 * dashed lines, points and a rug, with axes and a legend; theme colours via CSS variables.
 */
export interface Series {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  label: string;
  color?: string;
  dashed?: boolean;
  kind?: 'line' | 'points' | 'rug';
}

/** Ten distinguishable hues for the digit classes 0-9. */
export const CLASS_COLORS = Array.from({ length: 10 }, (_, c) => `hsl(${Math.round(c * 36)}, 70%, 45%)`);

/** Points (x0, y0, x1, y1, ...) as one point series per class label 0-9, for a scatter coloured by class. */
export function pointsByClass(xy: ArrayLike<number>, labels: ArrayLike<number>, colors: string[] = CLASS_COLORS): Series[] {
  const xs: number[][] = colors.map(() => []);
  const ys: number[][] = colors.map(() => []);
  for (let i = 0; i < labels.length; i++) {
    xs[labels[i]].push(xy[2 * i]);
    ys[labels[i]].push(xy[2 * i + 1]);
  }
  return colors.map((color, c) => ({ x: xs[c], y: ys[c], label: String(c), color, kind: 'points' as const }));
}

export interface ChartOptions {
  width?: number;
  height?: number;
  xLabel?: string;
  yLabel?: string;
  title?: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const PALETTE = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)'];

/** About n round ticks between lo and hi (steps of 1, 2 or 5 times a power of ten). */
export function ticks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const step0 = span / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  // A step a little under span / n is allowed: with s >= step0 a y axis of about ±4.4 in 4 ticks
  // got a step of 5 and showed only "0".
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= 0.75 * step0) ?? mag * 10;
  const out: number[] = [];
  // k * step, not a running sum: a sum that should be 0 is 1e-17 or so, and printed as such.
  for (let k = Math.ceil(lo / step); k * step <= hi + 1e-9 * span; k++) out.push(+(k * step).toPrecision(10));
  return out;
}

export function lineChartSvg(series: Series[], opts: ChartOptions = {}): string {
  const W = opts.width ?? 640;
  const H = opts.height ?? 260;
  // The legend has its own band above the plot area (drawn inside it, it covered the data).
  const top = opts.title ? 26 : 12;
  const legendH = series.some((s) => s.label) ? 18 : 0;
  const m = { l: 48, r: 12, t: top + legendH, b: 40 };
  let [x0, x1] = opts.xDomain ?? [Infinity, -Infinity];
  let [y0, y1] = opts.yDomain ?? [Infinity, -Infinity];
  if (!opts.xDomain || !opts.yDomain) {
    for (const s of series) {
      for (let i = 0; i < s.x.length; i++) {
        if (!opts.xDomain) {
          x0 = Math.min(x0, s.x[i]);
          x1 = Math.max(x1, s.x[i]);
        }
        if (!opts.yDomain && s.kind !== 'rug' && Number.isFinite(s.y[i])) {
          y0 = Math.min(y0, s.y[i]);
          y1 = Math.max(y1, s.y[i]);
        }
      }
    }
    if (!opts.yDomain) {
      y0 = Math.min(0, y0);
      y1 = y1 + 0.05 * (y1 - y0 || 1);
    }
  }
  const sx = (x: number) => m.l + ((x - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const sy = (y: number) => H - m.b - ((y - y0) / (y1 - y0 || 1)) * (H - m.t - m.b);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title ?? series.map((s) => s.label).join(', '))}" font-family="system-ui, sans-serif" font-size="11">`,
  );
  if (opts.title) parts.push(`<text x="${m.l}" y="16" font-weight="600" fill="currentColor">${esc(opts.title)}</text>`);
  // axes
  parts.push(`<g stroke="currentColor" stroke-opacity="0.35">`);
  parts.push(`<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}"/>`);
  parts.push(`<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}"/></g>`);
  parts.push(`<g fill="currentColor" fill-opacity="0.75">`);
  for (const t of ticks(x0, x1)) parts.push(`<text x="${sx(t).toFixed(1)}" y="${H - m.b + 14}" text-anchor="middle">${t}</text>`);
  for (const t of ticks(y0, y1, 4)) parts.push(`<text x="${m.l - 6}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end">${t}</text>`);
  if (opts.xLabel) parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" text-anchor="middle">${esc(opts.xLabel)}</text>`);
  if (opts.yLabel) parts.push(`<text transform="translate(12 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">${esc(opts.yLabel)}</text>`);
  parts.push(`</g>`);
  series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    if (s.kind === 'points') {
      const dots: string[] = [];
      for (let i = 0; i < s.x.length; i++) dots.push(`<circle cx="${sx(s.x[i]).toFixed(1)}" cy="${sy(s.y[i]).toFixed(1)}" r="2.2"/>`);
      parts.push(`<g fill="${color}" fill-opacity="0.7">${dots.join('')}</g>`);
    } else if (s.kind === 'rug') {
      const ticksRug: string[] = [];
      for (let i = 0; i < s.x.length; i++) {
        const X = sx(s.x[i]).toFixed(1);
        ticksRug.push(`M${X},${H - m.b}V${H - m.b - 8}`);
      }
      parts.push(`<path d="${ticksRug.join('')}" stroke="${color}" stroke-opacity="0.6"/>`);
    } else {
      let d = '';
      let pen = false;
      for (let i = 0; i < s.x.length; i++) {
        if (!Number.isFinite(s.y[i])) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${sx(s.x[i]).toFixed(1)},${sy(s.y[i]).toFixed(1)}`;
        pen = true;
      }
      parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
  });
  // legend
  let lx = m.l + 8;
  const ly = top + 6;
  parts.push(`<g font-size="11">`);
  series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    parts.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 16}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${lx + 20}" y="${ly + 4}" fill="currentColor">${esc(s.label)}</text>`);
    lx += 28 + 6.5 * s.label.length;
  });
  parts.push(`</g></svg>`);
  return parts.join('');
}

/** A grid of grey-scale images (e.g. MNIST samples) as an SVG of rects: values in [0, 1]. */
export function imageGridSvg(images: Float32Array, n: number, rows: number, cols: number, perRow: number, cell = 2, label = 'samples'): string {
  const gridRows = Math.ceil(n / perRow);
  const W = perRow * (cols * cell + 2);
  const H = gridRows * (rows * cell + 2);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(label)}"><rect width="${W}" height="${H}" fill="#000"/>`];
  for (let k = 0; k < n; k++) {
    const ox = (k % perRow) * (cols * cell + 2) + 1;
    const oy = Math.floor(k / perRow) * (rows * cell + 2) + 1;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = images[k * rows * cols + r * cols + c];
        if (v < 0.05) continue;
        const g = Math.round(Math.min(1, v) * 255);
        parts.push(`<rect x="${ox + c * cell}" y="${oy + r * cell}" width="${cell}" height="${cell}" fill="rgb(${g},${g},${g})"/>`);
      }
    }
  }
  parts.push('</svg>');
  return parts.join('');
}
