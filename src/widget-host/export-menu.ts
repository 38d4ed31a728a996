/** The Export menu: every chart as SVG or PNG, canvases as PNG, the run's metric history as CSV. */
import { chartSvgs, download, rendered, serializeSvg, svgToPng } from './export';
import type { MetricHistory } from './metric-history';
import { el } from './dom';

type SetStatus = (text: string, kind?: 'info' | 'warn' | 'error') => void;

function describe(kind: string, i: number, node: Element): string {
  const label = node.getAttribute('aria-label') || node.closest('[aria-label]')?.getAttribute('aria-label') || '';
  return `${kind} ${i + 1}${label ? ` (${label.length > 40 ? label.slice(0, 39) + '…' : label})` : ''}`;
}

function buildItems(id: string, charts: HTMLElement, metricLog: MetricHistory, setStatus: SetStatus): HTMLElement[] {
  const svgs = chartSvgs(charts);
  const items: HTMLElement[] = [];
  svgs.forEach((svg, i) => {
    const name = svgs.length === 1 ? 'chart' : `chart-${i + 1}`;
    const what = describe('Chart', i, svg);
    const bSvg = el('button', { type: 'button', 'data-export': `svg-${i + 1}` }, `${what}: SVG`);
    bSvg.addEventListener('click', () => {
      download(serializeSvg(svg), `${id}-${name}.svg`, 'image/svg+xml');
      setStatus(`Saved ${id}-${name}.svg.`);
    });
    const bPng = el('button', { type: 'button', 'data-export': `png-${i + 1}` }, `${what}: PNG`);
    bPng.addEventListener('click', async () => {
      try {
        download(await svgToPng(svg), `${id}-${name}.png`);
        setStatus(`Saved ${id}-${name}.png.`);
      } catch (err) {
        setStatus(`Could not make a PNG: ${(err as Error).message}`, 'error');
      }
    });
    items.push(bSvg, bPng);
  });
  // Pictures drawn on <canvas> (digit grids, heat maps): PNG only.
  // Hidden ones (the second plane of a side-by-side run that is off) are not offered.
  const canvases = [...charts.querySelectorAll<HTMLCanvasElement>('canvas')].filter((c) => c.width >= 16 && c.height >= 16 && rendered(c));
  canvases.forEach((cv, i) => {
    const name = canvases.length === 1 ? 'image' : `image-${i + 1}`;
    const b = el('button', { type: 'button', 'data-export': `canvas-${i + 1}` }, `${describe('Image', i, cv)}: PNG`);
    b.addEventListener('click', () => {
      try {
        cv.toBlob((blob) => {
          if (!blob) return setStatus('Could not make a PNG of this image.', 'error');
          download(blob, `${id}-${name}.png`);
          setStatus(`Saved ${id}-${name}.png.`);
        }, 'image/png');
      } catch (err) {
        setStatus(`Could not make a PNG: ${(err as Error).message}`, 'error');
      }
    });
    items.push(b);
  });
  const n = metricLog.rows.length;
  const bCsv = el('button', { type: 'button', 'data-export': 'csv' }, `Metric history: CSV (${n} row${n === 1 ? '' : 's'})`);
  bCsv.disabled = n === 0;
  bCsv.addEventListener('click', () => {
    download(metricLog.toCsv(), `${id}-metrics.csv`, 'text/csv');
    setStatus(`Saved ${id}-metrics.csv (${n} rows, one per update from the training worker).`);
  });
  if (svgs.length === 0 && canvases.length === 0) items.push(el('p', { class: 'hint' }, 'No chart drawn yet.'));
  items.push(bCsv);
  return items;
}

/** Fills the menu when it opens (so it lists the charts drawn now); Escape or a click outside closes it. */
export function bindExportMenu(opts: {
  id: string;
  charts: HTMLElement;
  menu: HTMLDetailsElement;
  summary: HTMLElement;
  items: HTMLElement;
  metricLog: MetricHistory;
  setStatus: SetStatus;
}) {
  const { menu, summary } = opts;
  menu.addEventListener('toggle', () => {
    if (menu.open) opts.items.replaceChildren(...buildItems(opts.id, opts.charts, opts.metricLog, opts.setStatus));
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.open) {
      e.stopPropagation();
      menu.open = false;
      summary.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
  });
}
