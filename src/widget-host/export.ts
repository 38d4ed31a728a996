/**
 * Export for widgets: each chart as a standalone SVG or PNG file (the run's metric history as
 * CSV is in metric-history.ts). Charts are drawn with CSS variables (theme colours) and
 * currentColor; the exported SVG has those resolved to the colours on screen so that it renders
 * the same anywhere.
 */

const PAINT_ATTRS = ['fill', 'stroke', 'color', 'stop-color', 'flood-color', 'lighting-color'] as const;

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
function addLegend(clone: SVGSVGElement, entries: { color: string; label: string }[], w: number, h: number): number {
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

/** A standalone copy of an on-screen SVG: namespaces set, theme colours and sizes resolved. */
export function serializeSvg(svg: SVGSVGElement): string {
  return standalone(svg).text;
}

function standalone(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll<SVGElement>('*')];
  const dst = [clone, ...clone.querySelectorAll<SVGElement>('*')];
  const rootStyle = getComputedStyle(svg);
  for (let i = 0; i < src.length; i++) {
    const s = src[i];
    const d = dst[i];
    if (!d) continue;
    const cs = getComputedStyle(s);
    for (const a of PAINT_ATTRS) {
      const v = d.getAttribute(a);
      if (v && (v.includes('var(') || v === 'currentColor' || v === 'currentcolor')) {
        d.setAttribute(a, cs.getPropertyValue(a) || (a === 'color' ? cs.color : v));
      }
    }
    const style = d.getAttribute('style');
    if (style && style.includes('var(')) {
      d.setAttribute('style', style.replace(/var\(--[\w-]+(?:,[^)]*)?\)/g, (m) => {
        const name = /var\((--[\w-]+)/.exec(m)![1];
        return rootStyle.getPropertyValue(name).trim() || 'currentColor';
      }));
    }
  }
  // Text and axes drawn with currentColor: fix the root colour and font.
  clone.setAttribute('color', rootStyle.color);
  clone.setAttribute('fill', clone.getAttribute('fill') ?? 'currentColor');
  clone.style.fontFamily = rootStyle.fontFamily;
  // Plot's own rules (white-space of tick labels and the like) were moved to the head
  // (runtime/plot.ts): a standalone file carries them again.
  const plotRules = document.head.querySelector('style[data-plot-styles]')?.textContent;
  if (plotRules && !clone.querySelector('style')) {
    const styleEl = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    styleEl.textContent = plotRules;
    clone.insertBefore(styleEl, clone.firstChild);
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || Math.round(box.width);
  let height = Number(svg.getAttribute('height')) || Math.round(box.height);
  // Plot's legend is HTML beside the SVG: draw it into the file, or the colours mean nothing.
  height = addLegend(clone, legendEntries(svg), width, height);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(clone);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`, width, height };
}

/** Renders the SVG to a PNG at `scale` times its size, on the page's background colour. */
export async function svgToPng(svg: SVGSVGElement, scale = 2, background?: string): Promise<Blob> {
  const { text, width: w, height: h } = standalone(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be rendered as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(h * scale));
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = background ?? (getComputedStyle(document.body).backgroundColor || '#ffffff');
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(data: Blob | string, filename: string, type = 'text/plain') {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether an element is on show (not inside something hidden or display: none). */
export function rendered(e: Element): boolean {
  return e.getClientRects().length > 0;
}

/** The charts of a widget: top-level SVGs (not legend swatches, not hidden) big enough to be a chart. */
export function chartSvgs(container: HTMLElement): SVGSVGElement[] {
  return [...container.querySelectorAll<SVGSVGElement>('svg')].filter((s) => {
    if (s.parentElement?.closest('svg')) return false;
    if (s.closest('[class*="-swatch"]')) return false;
    if (!rendered(s)) return false;
    const r = s.getBoundingClientRect();
    const w = r.width || Number(s.getAttribute('width')) || 0;
    const h = r.height || Number(s.getAttribute('height')) || 0;
    return w >= 60 && h >= 40;
  });
}
