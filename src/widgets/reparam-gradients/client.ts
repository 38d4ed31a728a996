import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { ReparamView } from './settings';

export function mountReparamGradients(root: HTMLElement) {
  const later = frameQueue();
  const meanBox = chartBox('Running means of the two estimators with two-standard-error bands, and the exact gradient');
  const histBox = chartBox('Histograms of the latest single-sample estimates');
  const problemBox = chartBox('The function f and the sampling density');
  return mountWidget(settings, root, {
    // 30 steps/s (300 samples/s by default): slow enough to watch the running means settle.
    defaultSpeed: '30',
    charts: [meanBox, histBox, problemBox],
    draw(view: ReparamView) {
      const width = chartWidth(meanBox);
      const rows: { n: number; est: string; mean: number; lo: number; hi: number }[] = [];
      for (let i = 0; i < view.n.length; i++) {
        rows.push({ n: view.n[i], est: 'score function', mean: view.meanScore[i], lo: view.meanScore[i] - 2 * view.seScore[i], hi: view.meanScore[i] + 2 * view.seScore[i] });
        rows.push({ n: view.n[i], est: 'reparameterised', mean: view.meanReparam[i], lo: view.meanReparam[i] - 2 * view.seReparam[i], hi: view.meanReparam[i] + 2 * view.seReparam[i] });
      }
      const ok = rows.filter((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi));
      const span = Math.max(0.5, ...ok.filter((r) => r.n >= 50).map((r) => Math.abs(r.hi - view.exact)), ...ok.filter((r) => r.n >= 50).map((r) => Math.abs(r.lo - view.exact)));
      const yDomain: [number, number] = [view.exact - Math.min(span, 5), view.exact + Math.min(span, 5)];
      const color = { domain: ['score function', 'reparameterised'], range: ['var(--series-2)', 'var(--series-1)'], legend: true };
      later(meanBox, () => meanBox.replaceChildren(
        plot({
          width,
          height: 240,
          x: { label: 'samples', type: view.n.length && view.n[view.n.length - 1] > 100 ? 'log' : 'linear' },
          y: { label: 'running mean of the estimate', domain: yDomain, grid: true },
          color,
          marks: [
            Plot.areaY(ok, { x: 'n', y1: (d) => Math.max(yDomain[0], d.lo), y2: (d) => Math.min(yDomain[1], d.hi), fill: 'est', fillOpacity: 0.18 }),
            Plot.line(rows, { x: 'n', y: 'mean', stroke: 'est', z: 'est', strokeWidth: 2 }),
            Plot.ruleY([view.exact], { stroke: 'currentColor', strokeDasharray: '5 4' }),
          ],
        }),
      ));
      const est: { v: number; est: string }[] = [];
      view.recentScore.forEach((v) => est.push({ v, est: 'score function' }));
      view.recentReparam.forEach((v) => est.push({ v, est: 'reparameterised' }));
      // Clip the histogram's range to the central bulk so that a few huge score values do not squash it.
      const sorted = Array.from(view.recentScore).concat(Array.from(view.recentReparam)).sort((a, b) => a - b);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
      const lo = q(0.01);
      const hi = q(0.99);
      const inRange = est.filter((d) => d.v >= lo && d.v <= hi);
      later(histBox, () => histBox.replaceChildren(
        plot({
          width,
          height: 180,
          x: { label: 'single-sample estimate (central 98%)', domain: [lo, hi === lo ? lo + 1 : hi] },
          y: { label: 'count (latest samples)', grid: true },
          color,
          marks: [
            Plot.lineY(inRange, Plot.binX({ y: 'count' }, { x: 'v', stroke: 'est', z: 'est', thresholds: 60, curve: 'step', strokeWidth: 2 } as never)),
            Plot.ruleX([view.exact], { stroke: 'currentColor', strokeDasharray: '5 4' }),
          ],
        }),
      ));
      const fx = Array.from(view.xs, (x, i) => ({ x, f: view.fx[i], p: view.px[i] }));
      const fmax = Math.max(...view.fx.map(Math.abs)) || 1;
      const pmax = Math.max(...view.px) || 1;
      later(problemBox, () => problemBox.replaceChildren(
        plot({
          width,
          height: 140,
          x: { label: 'z' },
          y: { label: 'f(z) (line), density of z (shaded), rescaled', grid: true },
          marks: [
            Plot.areaY(fx, { x: 'x', y: (d) => (d.p / pmax) * fmax, fill: 'var(--series-3)', fillOpacity: 0.25 }),
            Plot.line(fx, { x: 'x', y: 'f', stroke: 'var(--series-1)', strokeWidth: 2 }),
          ],
        }),
      ));
    },
  });
}
