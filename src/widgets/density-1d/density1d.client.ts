import * as Plot from '@observablehq/plot';
import { mountWidget } from '../runtime/controller';
import { density1dSpecs, parsePoints, type Density1dView } from '../../lib/models/density1d';

export function mountDensity1d(root: HTMLElement) {
  let densityBox: HTMLElement;
  let historyBox: HTMLElement;
  let sampleBtn: HTMLButtonElement;
  let lastView: Density1dView | null = null;
  let historyFrame = 0;
  let plotEl: (SVGSVGElement | HTMLElement) & { scale?: (n: string) => { invert?: (v: number) => number } | undefined } | null = null;

  const handle = mountWidget({
    id: 'density-1d',
    root,
    specs: density1dSpecs,
    metrics: [
      { name: 'loglik', label: 'mean log-likelihood (nats)', digits: 4, title: 'Average log p(x) per point; leave-one-out for the kernel density' },
      { name: 'bandwidth', label: 'h', digits: 3 },
      { name: 'n_points', label: 'points' },
    ],
    defaultSpeed: '4',
    createWorker: () => new Worker(new URL('./density1d.worker.ts', import.meta.url), { type: 'module', name: 'density-1d' }),
    setup(charts, h) {
      densityBox = document.createElement('div');
      densityBox.className = 'chart plot-canvas';
      densityBox.setAttribute('aria-label', 'Fitted density over the data; click to add a point');
      historyBox = document.createElement('div');
      historyBox.className = 'chart';
      const row = document.createElement('div');
      row.className = 'controls';
      sampleBtn = document.createElement('button');
      sampleBtn.type = 'button';
      sampleBtn.textContent = 'Sample 500 from the fit';
      sampleBtn.addEventListener('click', async () => {
        try {
          await h.command('sample', { n: 500 });
          h.setStatus('Drew 500 samples from the fitted model (orange histogram).');
        } catch (err) {
          h.setStatus((err as Error).message, 'error');
        }
      });
      row.append(sampleBtn);
      charts.append(densityBox, row, historyBox);
      densityBox.addEventListener('click', (e) => {
        if (!plotEl || !lastView) return;
        const x = plotEl.scale?.('x');
        if (!x?.invert) return;
        const rect = (plotEl as Element).getBoundingClientRect();
        const svgWidth = Number((plotEl as Element).getAttribute('width')) || rect.width;
        const px = ((e.clientX - rect.left) * svgWidth) / rect.width;
        const value = Math.round(x.invert(px) * 100) / 100;
        if (!Number.isFinite(value)) return;
        const current = h.values().preset === 'custom' ? parsePoints(String(h.values().points)) : Array.from(lastView.points, (p) => Math.round(p * 100) / 100);
        const errs = h.setParams({ preset: 'custom', points: [...current, value].join(', ') });
        if (errs.length) h.setStatus(errs.join(' '), 'error');
        else h.setStatus(`Added a point at x = ${value}; the fit restarted.`);
      });
    },
    draw(view: Density1dView) {
      if (!view) return;
      lastView = view;
      const width = Math.min(720, densityBox.clientWidth || 640);
      const curve = Array.from(view.xs, (x, i) => ({ x, y: view.density[i] }));
      const marks: Plot.Markish[] = [];
      if (view.samples) {
        marks.push(
          Plot.rectY(view.samples, Plot.binX({ y: 'proportion' }, { x: (d: number) => d, thresholds: 40, fill: 'var(--series-2)', fillOpacity: 0.25 })),
        );
      }
      view.components.forEach((c, k) => {
        marks.push(Plot.line(Array.from(view.xs, (x, i) => ({ x, y: c[i] })), { x: 'x', y: 'y', stroke: 'var(--series-3)', strokeDasharray: '4 3', strokeOpacity: 0.8, title: () => `component ${k + 1}` }));
      });
      marks.push(Plot.line(curve, { x: 'x', y: 'y', stroke: 'var(--series-1)', strokeWidth: 2 }));
      const top = Math.max(...view.density) || 1;
      marks.push(Plot.ruleX(view.points, { x: (d: number) => d, y1: 0, y2: top * 0.06, stroke: 'currentColor', strokeOpacity: 0.6 }));
      marks.push(Plot.ruleY([0]));
      // Samples are drawn as a density-normalised histogram: rescale proportion to density.
      if (view.samples) {
        const binWidth = (view.xs[view.xs.length - 1] - view.xs[0]) / 40;
        marks[0] = Plot.rectY(
          view.samples,
          Plot.binX({ y: (bin: number[]) => bin.length / (view.samples!.length * binWidth) }, { x: (d: number) => d, thresholds: 40, fill: 'var(--series-2)', fillOpacity: 0.3 }),
        );
      }
      plotEl = Plot.plot({
        width,
        height: 240,
        x: { label: 'x', domain: [view.xs[0], view.xs[view.xs.length - 1]] },
        y: { label: 'density', grid: true },
        marks,
      }) as never;
      densityBox.replaceChildren(plotEl as Node);
      if (view.message) handle.setStatus(view.message, 'warn');
      sampleBtn.disabled = Boolean(view.message);
      const hist = Array.from(view.history, (y, i) => ({ step: view.historySteps[i], y })).filter((d) => Number.isFinite(d.y));
      // The second chart is drawn in the next frame, so that no single frame does both.
      cancelAnimationFrame(historyFrame);
      historyFrame = requestAnimationFrame(() => historyBox.replaceChildren(
        Plot.plot({
          width,
          height: 150,
          x: { label: 'step' },
          y: { label: view.method === 'em' ? 'mean log-likelihood (nats)' : 'leave-one-out log-likelihood (nats)', grid: true, tickFormat: '.3f' },
          marks: [Plot.line(hist, { x: 'step', y: 'y', stroke: 'var(--series-1)' })],
        }),
      ));
    },
  });
  return handle;
}
