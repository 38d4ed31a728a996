import * as Plot from '@observablehq/plot';
import { curveRows, historyRows, plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import { W1_PRESETS } from './settings';
import type { W1View } from './model';
import { presetButtons } from '../../widget-host/presets';

export function mountW1d(root: HTMLElement) {
  const later = frameQueue();
  const densityBox = chartBox('The two densities and the gap between their CDFs, whose area is W1');
  const criticBox = chartBox('The trained critic against the optimal 1-Lipschitz critic');
  const historyBox = chartBox();
  return mountWidget(settings, root, {
    setup(charts, h) {
      const row = presetButtons(h, Object.values(W1_PRESETS).map((p) => ({ label: p.label, values: { real: p.real, fake: p.fake } })));
      charts.append(row, densityBox, criticBox, historyBox);
    },
    draw(view: W1View) {
      const width = chartWidth(densityBox);
      later(densityBox, () => densityBox.replaceChildren(
        plot({
          width,
          height: 220,
          color: { legend: true, domain: ['p_data', 'p_θ', 'F_θ − F_data'], range: ['var(--series-1)', 'var(--series-2)', 'var(--series-3)'] },
          x: { label: 'x' },
          y: { label: 'density / CDF gap', grid: true },
          marks: [
            Plot.areaY(curveRows(view.xs, { 'F_θ − F_data': view.cdfGap }), { x: 'x', y: 'y', fill: 'var(--series-3)', fillOpacity: 0.2 }),
            Plot.line(curveRows(view.xs, { p_data: view.real, 'p_θ': view.fake, 'F_θ − F_data': view.cdfGap }), { x: 'x', y: 'y', stroke: 'name', z: 'name', strokeWidth: 2 }),
            Plot.ruleY([0]),
          ],
        }),
      ));
      later(criticBox, () => criticBox.replaceChildren(
        plot({
          width,
          height: 200,
          color: { legend: true, domain: ['critic f', 'optimal (slope ±1)'], range: ['var(--series-4)', 'currentColor'] },
          x: { label: 'x' },
          y: { label: 'critic value', grid: true },
          marks: [Plot.line(curveRows(view.xs, { 'critic f': view.critic, 'optimal (slope ±1)': view.optimal }), { x: 'x', y: 'y', stroke: 'name', z: 'name', strokeDasharray: (d: { name: string }) => (d.name === 'critic f' ? null : '4 3') } as never)],
        }),
      ));
      const hist = historyRows({ '1-Lipschitz estimate': view.history, 'raw critic value': view.gapHistory });
      later(historyBox, () => historyBox.replaceChildren(
        plot({
          width,
          height: 160,
          color: { legend: true, domain: ['1-Lipschitz estimate', 'raw critic value'], range: ['var(--series-4)', 'var(--series-2)'] },
          x: { label: 'step (recent)' },
          y: { label: 'W1', grid: true },
          marks: [Plot.ruleY([view.w1Exact], { stroke: 'currentColor', strokeDasharray: '4 3' }), Plot.line(hist, { x: 'step', y: 'y', stroke: 'name', z: 'name' })],
        }),
      ));
    },
  });
}
