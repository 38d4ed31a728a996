/**
 * Export for widgets: each chart as a standalone SVG or PNG file (the run's metric history as
 * CSV is in metric-history.ts). Charts are drawn with CSS variables (theme colours) and
 * currentColor; the exported SVG has those resolved to the colours on screen so that it renders
 * the same anywhere.
 */
import { addLegend, legendEntries } from './export-legend';

export { legendEntries };

const PAINT_ATTRS = ['fill', 'stroke', 'color', 'stop-color', 'flood-color', 'lighting-color'] as const;

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
