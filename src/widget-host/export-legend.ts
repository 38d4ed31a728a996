/**
 * The legend of an exported chart: Plot draws a chart's legend as HTML beside the SVG, so the
 * standalone SVG (export.ts) gets it drawn in as a row above the chart, or the colours mean nothing.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const LEGEND_ROW = 22;

/**
 * The legend Plot draws beside a chart as HTML (a row of colour swatches and labels in the
 * chart's <figure>): its entries, to be drawn into the exported SVG.
 */
export function legendEntries(svg: SVGSVGElement): { color: string; label: string }[] {
  const fig = svg.parentElement;
  if (!fig || fig.tagName !== 'FIGURE') return [];
  const out: { color: string; label: string }[] = [];
  for (const sw of fig.querySelectorAll<HTMLElement>(':scope > div > span')) {
    const swatch = sw.querySelector('svg');
    const label = sw.textContent?.trim() ?? '';
    if (!swatch || !label) continue;
    const shape = swatch.querySelector('rect, circle, path, line') ?? swatch;
    const cs = getComputedStyle(shape);
    const fill = cs.fill && cs.fill !== 'none' ? cs.fill : '';
    const color = fill || (cs.stroke && cs.stroke !== 'none' ? cs.stroke : '') || getComputedStyle(swatch).color;
    out.push({ color, label });
  }
  return out;
}

/** Adds a legend row above the chart (the viewBox grows upwards by one row). */
export function addLegend(clone: SVGSVGElement, entries: { color: string; label: string }[], w: number, h: number): number {
  if (entries.length === 0) return h;
  const vb = clone.viewBox?.baseVal;
  const [x0, y0, vw, vh] = vb && vb.width ? [vb.x, vb.y, vb.width, vb.height] : [0, 0, w, h];
  const scale = vh / h || 1;
  const row = LEGEND_ROW * scale;
  clone.setAttribute('viewBox', `${x0} ${y0 - row} ${vw} ${vh + row}`);
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'export-legend');
  g.setAttribute('font-size', String(11 * scale));
  let x = x0 + 4 * scale;
  for (const e of entries) {
    const r = document.createElementNS(SVG_NS, 'rect');
    r.setAttribute('x', String(x));
    r.setAttribute('y', String(y0 - row + 5 * scale));
    r.setAttribute('width', String(12 * scale));
    r.setAttribute('height', String(12 * scale));
    r.setAttribute('fill', e.color);
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(x + 16 * scale));
    t.setAttribute('y', String(y0 - row + 15 * scale));
    t.textContent = e.label;
    g.append(r, t);
    x += (22 + e.label.length * 6.5) * scale;
  }
  clone.append(g);
  return h + LEGEND_ROW;
}
