import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { MmdView } from './settings';

export function mountMmd(root: HTMLElement) {
  const later = frameQueue();
  const sampleBox = chartBox('The two samples and the witness function');
  const nullBox = chartBox('Histogram of MMD² over shuffled labels, with the observed value');
  return mountWidget(settings, root, {
    charts: [sampleBox, nullBox],
    draw(view: MmdView) {
      const width = chartWidth(sampleBox);
      const wmax = Math.max(1e-9, ...Array.from(view.witness, Math.abs));
      const witness = Array.from(view.grid, (t, i) => ({ t, w: view.witness[i] / wmax }));
      later(sampleBox, () => sampleBox.replaceChildren(
        plot({
          width,
          height: 200,
          x: { label: 'x' },
          // Ticks only where the witness lives; the rugs below have no y value to read.
          y: { label: 'witness (scaled)', domain: [-1.6, 1.3], grid: true, ticks: [-1, -0.5, 0, 0.5, 1] },
          color: { legend: true, domain: ['sample from p', 'sample from q', 'witness'], range: ['var(--series-1)', 'var(--series-2)', 'var(--series-3)'] },
          marks: [
            Plot.ruleY([0], { strokeOpacity: 0.3 }),
            Plot.line(witness, { x: 't', y: 'w', stroke: 'var(--series-3)', strokeWidth: 2 }),
            // The samples as two short rugs under the curve (tickX ignores y1/y2 and drew each point
            // as a line through the whole chart, over the witness).
            Plot.ruleX(view.x, { x: (d: number) => d, y1: -1.55, y2: -1.35, stroke: 'var(--series-1)', strokeOpacity: 0.6 }),
            Plot.ruleX(view.y, { x: (d: number) => d, y1: -1.3, y2: -1.1, stroke: 'var(--series-2)', strokeOpacity: 0.6 }),
          ],
        }),
      ));
      const stats = Array.from(view.nullStats);
      let lo = view.observed;
      let hi = view.observed;
      for (const v of stats) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const labelLeft = view.observed - lo > (hi - lo) / 2;
      later(nullBox, () => nullBox.replaceChildren(
        plot({
          width,
          height: 180,
          x: { label: 'MMD² with shuffled labels' },
          y: { label: 'count', grid: true },
          marks: [
            stats.length ? Plot.rectY(stats, Plot.binX({ y: 'count' }, { x: (d: number) => d, thresholds: 40, fill: 'var(--series-1)', fillOpacity: 0.5 } as never)) : null,
            Plot.ruleX([view.observed], { stroke: 'var(--series-2)', strokeWidth: 2 }),
            // The red line says what it is at its top, on whichever side has room.
            Plot.text([view.observed], { x: (d: number) => d, frameAnchor: 'top', text: () => 'observed', dy: 2, dx: labelLeft ? -4 : 4, textAnchor: labelLeft ? 'end' : 'start', fill: 'var(--series-2)' }),
            Plot.ruleY([0]),
          ],
        }),
      ));
    },
  });
}
