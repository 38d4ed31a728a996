import * as Plot from '@observablehq/plot';
import { curveRows, historyRows, plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import { KL_PRESETS, type KlFitView } from './settings';
import { presetButtons } from '../../widget-host/presets';

export function mountKlFit(root: HTMLElement) {
  const later = frameQueue();
  const densityBox = chartBox('Target density with the forward-KL and reverse-KL Gaussian fits');
  const profileBox = chartBox('Reverse KL against μ at the reverse fit’s current σ');
  const historyBox = chartBox();
  return mountWidget(settings, root, {
    setup(charts, h) {
      const presets: [string, string, number, number][] = [
        ['Two equal bumps', KL_PRESETS.separated, 0.5, 1],
        ['Trapped in the middle', KL_PRESETS.separated, 0.2, 1],
        ['Unequal bumps, light one', KL_PRESETS.unequal, 2, 1],
        ['Overlapping bumps', KL_PRESETS.close, 0.5, 1],
      ];
      const row = presetButtons(h, presets.map(([label, target, mu, sigma]) => ({ label, values: { target, init_mu: mu, init_sigma: sigma } })));
      charts.append(row, densityBox, profileBox, historyBox);
    },
    draw(view: KlFitView) {
      const width = chartWidth(densityBox);
      const data = curveRows(view.xs, { 'target p': view.target, 'forward KL fit': view.forward, 'reverse KL fit': view.reverse });
      later(densityBox, () => densityBox.replaceChildren(
        plot({
          width,
          height: 240,
          color: { legend: true, domain: ['target p', 'forward KL fit', 'reverse KL fit'], range: ['currentColor', 'var(--series-1)', 'var(--series-2)'] },
          x: { label: 'x' },
          y: { label: 'density', grid: true },
          marks: [Plot.areaY(curveRows(view.xs, { 'target p': view.target }), { x: 'x', y: 'y', fill: 'currentColor', fillOpacity: 0.08 }), Plot.line(data, { x: 'x', y: 'y', stroke: 'name', z: 'name', strokeWidth: 2 }), Plot.ruleY([0])],
        }),
      ));
      const prof = Array.from(view.profileMu, (mu, i) => ({ mu, kl: view.profileKl[i] })).filter((d) => Number.isFinite(d.kl));
      later(profileBox, () => profileBox.replaceChildren(
        plot({
          width,
          height: 176,
          // Room below the tick labels for this long axis label (it spans the chart on a phone).
          marginBottom: 36,
          x: { label: 'μ (σ held at the reverse fit’s current value)', labelOffset: 34 },
          y: { label: 'reverse KL(q ‖ p)', grid: true, type: 'log' },
          marks: [Plot.line(prof, { x: 'mu', y: 'kl', stroke: 'var(--series-2)' }), Plot.ruleX([view.muReverse], { stroke: 'var(--series-2)', strokeDasharray: '4 3' })],
        }),
      ));
      const hist = historyRows({ 'forward KL(p ‖ q)': view.historyForward, 'reverse KL(q ‖ p)': view.historyReverse });
      later(historyBox, () => historyBox.replaceChildren(
        plot({
          width,
          height: 150,
          // A legend says which line is which; nice and inset keep a converged line off the frame.
          color: { legend: true, domain: ['forward KL(p ‖ q)', 'reverse KL(q ‖ p)'], range: ['var(--series-1)', 'var(--series-2)'] },
          x: { label: 'step (recent)' },
          y: { label: 'KL (nats)', grid: true, nice: true },
          insetTop: 6,
          insetBottom: 6,
          marks: [Plot.line(hist, { x: 'step', y: 'y', stroke: 'name', z: 'name' })],
        }),
      ));
    },
  });
}
