import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { LipschitzView } from './settings';

export function mountLipschitz(root: HTMLElement) {
  const later = frameQueue();
  const fnBox = chartBox('The function and its steepest chord found so far');
  const historyBox = chartBox();
  return mountWidget(settings, root, {
    defaultSpeed: '30',
    charts: [fnBox, historyBox],
    draw(view: LipschitzView) {
      const width = chartWidth(fnBox);
      const curve = Array.from(view.xs, (x, i) => ({ x, y: view.ys[i] })).filter((d) => Number.isFinite(d.y));
      const marks: Plot.Markish[] = [Plot.line(curve, { x: 'x', y: 'y', stroke: 'var(--series-1)', strokeWidth: 2 })];
      if (view.best) {
        const [x1, y1, x2, y2] = view.best;
        const s = (y2 - y1) / (x2 - x1);
        const [lo, hi] = view.domain;
        // The steepest chord, extended across the domain so that even a tiny pair is visible.
        const xm = (x1 + x2) / 2;
        const ym = (y1 + y2) / 2;
        const half = (hi - lo) / 8;
        marks.push(Plot.line([{ x: xm - half, y: ym - s * half }, { x: xm + half, y: ym + s * half }], { x: 'x', y: 'y', stroke: 'var(--series-2)', strokeWidth: 2, clip: true }));
        marks.push(Plot.dot([{ x: x1, y: y1 }, { x: x2, y: y2 }], { x: 'x', y: 'y', fill: 'var(--series-2)', r: 4 }));
      }
      const ys = curve.map((d) => d.y);
      const ylo = Math.min(...ys);
      const yhi = Math.max(...ys);
      const pad = 0.1 * (yhi - ylo || 1);
      later(fnBox, () => fnBox.replaceChildren(
        plot({ width, height: 240, x: { label: 'x', domain: view.domain }, y: { label: `f(x) = ${view.label}`, grid: true, domain: [ylo - pad, yhi + pad] }, marks }),
      ));
      const hist = Array.from(view.history, (y, i) => ({ step: i + 1, y }));
      later(historyBox, () => historyBox.replaceChildren(
        // nice: the estimate levels off near a round number; without it the axis showed one tick.
        plot({ width, height: 150, x: { label: 'step' }, y: { label: 'Lipschitz estimate (steepest chord so far)', grid: true, nice: true, ticks: 4 }, marks: [Plot.line(hist, { x: 'step', y: 'y', stroke: 'var(--series-2)' })] }),
      ));
    },
  });
}
