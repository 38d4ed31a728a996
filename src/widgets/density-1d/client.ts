import { chartBox, chartWidth } from '../../widget-host/chart-box';
import * as Plot from '@observablehq/plot';
import { HistoryChart, LiveChart, type LiveLine } from '../../widget-host/live-chart';
import { stickyMax } from '../../lib/chart-domain';
import { commandButton, controlsRow } from '../../widget-host/extra-controls';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { Density1dView } from './settings';
import { parseNumberList } from '../../lib/number-list';

export function mountDensity1d(root: HTMLElement) {
  const densityBox = chartBox('Fitted density over the data; click to add a point', 'plot-canvas');
  const historyBox = chartBox();
  const densityChart = new LiveChart(densityBox);
  const historyChart = new HistoryChart(historyBox, 'd1-hist');
  let sampleBtn: HTMLButtonElement;
  let lastView: Density1dView | null = null;
  let historyFrame = 0;
  // Axis domains kept between redraws (lib/chart-domain.ts).
  let yMax: number | undefined;
  let plotEl: (SVGSVGElement | HTMLElement) & { scale?: (n: string) => { invert?: (v: number) => number } | undefined } | null = null;

  const handle = mountWidget(settings, root, {
    defaultSpeed: '4',
    setup(charts, h) {
      sampleBtn = commandButton(h, 'Sample 500 from the fit', 'sample', { payload: { n: 500 }, done: () => 'Drew 500 samples from the fitted model (orange histogram).' });
      const row = controlsRow(sampleBtn);
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
        const current = h.values().preset === 'custom' ? parseNumberList(String(h.values().points)) : Array.from(lastView.points, (p) => Math.round(p * 100) / 100);
        const errs = h.setParams({ preset: 'custom', points: [...current, value].join(', ') });
        if (errs.length) h.setStatus(errs.join(' '), 'error');
        else h.setStatus(`Added a point at x = ${value}; the fit restarted.`);
      });
    },
    draw(view: Density1dView) {
      lastView = view;
      const width = chartWidth(densityBox);
      const x0 = view.xs[0];
      const x1 = view.xs[view.xs.length - 1];
      // The sample histogram, as a density: bin counts / (n * bin width).
      const BINS = 40;
      const binWidth = (x1 - x0) / BINS;
      const bins: { x1: number; x2: number; y: number }[] = [];
      if (view.samples) {
        const counts = new Array<number>(BINS).fill(0);
        for (const v of view.samples) counts[Math.min(BINS - 1, Math.max(0, Math.floor((v - x0) / binWidth)))]++;
        counts.forEach((c, i) => bins.push({ x1: x0 + i * binWidth, x2: x0 + (i + 1) * binWidth, y: c / (view.samples!.length * binWidth) }));
      }
      const histTop = Math.max(0, ...bins.map((b) => b.y));
      let top = 0;
      for (const v of view.density) if (v > top) top = v;
      for (const c of view.components) for (const v of c) if (v > top) top = v;
      yMax = stickyMax(yMax, Math.max(top, histTop));
      const lines: Record<string, LiveLine> = { 'd1-fit': { x: view.xs, y: view.density } };
      view.components.forEach((c, k) => (lines[`d1-comp-${k}`] = { x: view.xs, y: c }));
      // The frame: everything but the curves. While it stays the same, only the curves move.
      const frameKey = [width, x0, x1, yMax, view.method, view.components.length, view.points.length, view.points[0], view.points[view.points.length - 1], view.samples?.length ?? 0, view.samples?.[0] ?? 0].join(' ');
      densityChart.draw(
        frameKey,
        () => {
          const marks: Plot.Markish[] = [];
          if (bins.length) marks.push(Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'y', fill: 'var(--series-2)', fillOpacity: 0.3 }));
          view.components.forEach((c, k) => {
            marks.push(Plot.line(Array.from(view.xs, (x, i) => ({ x, y: c[i] })), { x: 'x', y: 'y', stroke: 'var(--series-3)', strokeDasharray: '4 3', strokeOpacity: 0.8, className: `d1-comp-${k}`, title: () => `component ${k + 1}` }));
          });
          marks.push(Plot.line(Array.from(view.xs, (x, i) => ({ x, y: view.density[i] })), { x: 'x', y: 'y', stroke: 'var(--series-1)', strokeWidth: 2, className: 'd1-fit' }));
          marks.push(Plot.ruleX(view.points, { x: (d: number) => d, y1: 0, y2: yMax! * 0.05, stroke: 'currentColor', strokeOpacity: 0.6 }));
          marks.push(Plot.ruleY([0]));
          return { width, height: 240, x: { label: 'x', domain: [x0, x1] }, y: { label: 'density', grid: true, domain: [0, yMax!] }, marks };
        },
        lines,
      );
      plotEl = densityChart.el as never;
      if (view.message) handle.setStatus(view.message, 'warn');
      sampleBtn.disabled = Boolean(view.message);
      const steps: number[] = [];
      const ys: number[] = [];
      view.history.forEach((y, i) => {
        if (Number.isFinite(y)) {
          steps.push(view.historySteps[i]);
          ys.push(y);
        }
      });
      // The second chart is drawn in the next frame, so that no single frame does both.
      cancelAnimationFrame(historyFrame);
      historyFrame = requestAnimationFrame(() =>
        historyChart.draw(width, steps, ys, {
          yLabel: view.method === 'em' ? 'mean log-likelihood (nats)' : 'leave-one-out log-likelihood (nats)',
          stroke: 'var(--series-1)',
        }),
      );
    },
  });
  return handle;
}
