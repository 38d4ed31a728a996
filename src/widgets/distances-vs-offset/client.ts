import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { DistancesView } from './settings';

export function mountDistances(root: HTMLElement) {
  const later = frameQueue();
  const linesBox = chartBox('The real segment at x = 0 and the two model segments');
  const curveBox = chartBox('W₁, JS and KL against θ');
  return mountWidget(settings, root, {
    defaultSpeed: '4',
    charts: [linesBox, curveBox],
    draw(view: DistancesView) {
      const width = chartWidth(linesBox);
      const segs = [
        { x: 0, name: 'real P₀' },
        { x: view.thetaW, name: 'model under W₁ descent' },
        { x: view.thetaJs, name: 'model under JS descent' },
      ];
      later(linesBox, () => linesBox.replaceChildren(
        plot({
          width,
          height: 160,
          x: { domain: [-5, 5], label: 'x' },
          y: { domain: [-0.1, 1.1], label: 'z' },
          color: { legend: true, domain: segs.map((s) => s.name), range: ['currentColor', 'var(--series-1)', 'var(--series-2)'] },
          marks: [Plot.ruleX(segs, { x: 'x', y1: 0, y2: 1, stroke: 'name', strokeWidth: 4, strokeOpacity: 0.8 })],
        }),
      ));
      const rows = [
        ...Array.from(view.thetas, (t, i) => ({ t, y: view.w1[i], name: 'W₁ = |θ|' })),
        ...Array.from(view.thetas, (t, i) => ({ t, y: view.js[i], name: 'JS (log 2 off 0)' })),
      ];
      later(curveBox, () => curveBox.replaceChildren(
        plot({
          width,
          height: 220,
          x: { label: 'θ' },
          y: { label: 'distance (KL = ∞ except at 0)', grid: true, domain: [0, 5] },
          color: { legend: true, domain: ['W₁ = |θ|', 'JS (log 2 off 0)'], range: ['var(--series-1)', 'var(--series-2)'] },
          marks: [
            Plot.line(rows, { x: 't', y: 'y', stroke: 'name', z: 'name', strokeWidth: 2 }),
            Plot.dot([{ t: view.thetaW, y: Math.abs(view.thetaW) }], { x: 't', y: 'y', fill: 'var(--series-1)', r: 5 }),
            Plot.dot([{ t: view.thetaJs, y: view.thetaJs === 0 ? 0 : Math.LN2 }], { x: 't', y: 'y', fill: 'var(--series-2)', r: 5 }),
          ],
        }),
      ));
    },
  });
}
