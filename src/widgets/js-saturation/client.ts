import * as Plot from '@observablehq/plot';
import { curveRows, plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue, keyChanged } from '../../widget-host/chart-box';
import { LiveChart } from '../../widget-host/live-chart';
import { stickyMax } from '../../lib/chart-domain';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { JsSatView } from './model';

export function mountJsSat(root: HTMLElement) {
  const later = frameQueue();
  const densBox = chartBox('Data and generated densities with the discriminator output');
  const distBox = chartBox('JS, KL and W1 against the offset');
  const gradBox = chartBox('Generator gradient against the offset');
  let densTop: number | undefined;
  const densChart = new LiveChart(densBox);
  return mountWidget(settings, root, {
    charts: [densBox, distBox, gradBox],
    draw(view: JsSatView) {
      const width = chartWidth(densBox);
      // The densities and D move every step: Plot redraws only when the y axis must change.
      let top = 1;
      for (const ys of [view.real, view.fake]) for (const v of ys) if (v > top) top = v;
      densTop = stickyMax(densTop, top, 0.5, 1);
      const densKey = [width, view.xs[0], view.xs[view.xs.length - 1], densTop].join(' ');
      later(densBox, () =>
        densChart.draw(
          densKey,
          () => ({
            width,
            height: 200,
            x: { label: 'x' },
            y: { label: 'density / D(x)', grid: true, domain: [0, densTop!] },
            color: { legend: true, domain: ['p_data', 'p_g', 'D(x)'], range: ['var(--series-1)', 'var(--series-2)', 'var(--series-4)'] },
            marks: [Plot.line(curveRows(view.xs, { p_data: view.real, p_g: view.fake, 'D(x)': view.d }), { x: 'x', y: 'y', stroke: 'name', z: 'name', strokeWidth: 2, className: 'js-dens' }), Plot.ruleY([0])],
          }),
          { 'js-dens': [view.real, view.fake, view.d].map((y) => ({ x: view.xs, y })) },
        ),
      );
      const r = view.records;
      // The other two charts change only when a new offset is measured.
      const recKey = `${width} ${r.length} ${view.maxOffset}`;
      if (!keyChanged(distBox, recKey)) return;
      const dist = [
        ...r.map((d) => ({ o: d.offset, y: d.jsd, name: 'JS' })),
        ...r.map((d) => ({ o: d.offset, y: d.w1, name: 'W1' })),
        ...r.map((d) => ({ o: d.offset, y: Math.min(d.kl, 5), name: 'KL (capped at 5)' })),
      ];
      later(distBox, () => distBox.replaceChildren(
        plot({
          width,
          height: 200,
          x: { label: 'offset', domain: [0, view.maxOffset] },
          y: { label: 'distance', grid: true },
          color: { legend: true, domain: ['JS', 'W1', 'KL (capped at 5)'], range: ['var(--series-2)', 'var(--series-1)', 'var(--series-3)'] },
          marks: [Plot.ruleY([Math.LN2], { strokeDasharray: '4 3', strokeOpacity: 0.6 }), Plot.line(dist, { x: 'o', y: 'y', stroke: 'name', z: 'name', marker: 'circle' })],
        }),
      ));
      const grads = [
        ...r.filter((d) => d.grad > 0).map((d) => ({ o: d.offset, y: d.grad, name: 'minimax, trained D' })),
        ...r.filter((d) => d.gradOptimal > 0).map((d) => ({ o: d.offset, y: d.gradOptimal, name: 'minimax, optimal D' })),
        ...r.filter((d) => d.gradNs > 0).map((d) => ({ o: d.offset, y: d.gradNs, name: 'non-saturating, trained D' })),
      ];
      later(gradBox, () => gradBox.replaceChildren(
        plot({
          width,
          height: 200,
          x: { label: 'offset', domain: [0, view.maxOffset] },
          y: { label: '|d loss / d offset|', type: 'log', grid: true },
          color: { legend: true, domain: ['minimax, trained D', 'minimax, optimal D', 'non-saturating, trained D'], range: ['var(--series-4)', 'currentColor', 'var(--series-2)'] },
          marks: [Plot.line(grads, { x: 'o', y: 'y', stroke: 'name', z: 'name', marker: 'circle' })],
        }),
      ));
    },
  });
}
