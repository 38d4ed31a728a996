import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { commandButton, controlsRow } from '../../widget-host/extra-controls';
import { mountWidget, type WidgetHandle } from '../../widget-host/controller';
import * as settings from './settings';
import type { GanFigure1View } from './model';


export function mountGanFigure1(root: HTMLElement) {
  const later = frameQueue();
  const chartEl = chartBox();

  /** A button that runs `n` steps of one player only (`cmd`: d_step or g_step). */
  const stepButton = (h: WidgetHandle, text: string, action: string, cmd: string, n: number, done: string) =>
    commandButton(h, text, cmd, { payload: { n }, action, done: () => done });

  return mountWidget(settings, root, {
    setup(charts, h) {
      const row = controlsRow(
        stepButton(h, 'Step D only', 'step-d', 'd_step', 1, 'One discriminator step (G frozen).'),
        stepButton(h, 'Train D 200 steps', 'train-d', 'd_step', 200, "200 discriminator steps: D approaches D* for the current G (as in panel b of the paper's figure)."),
        stepButton(h, 'Step G only', 'step-g', 'g_step', 1, "One generator step: the arrows follow the gradient of D (as in panel c of the paper's figure)."),
      );
      chartEl.setAttribute('role', 'img');
      chartEl.setAttribute('aria-label', 'Goodfellow Figure 1: p_data dotted, p_g solid, D dashed; arrows map z (lower line) to x = G(z) (upper line)');
      const legend = document.createElement('p');
      legend.className = 'hint';
      legend.innerHTML = 'Black dotted: p<sub>data</sub>. Green: p<sub>g</sub> (kernel density of G(z)). Blue dashed: D(x). Grey dashed: D* for the current G. Lower line: z, uniform on [−1, 1]; arrows: x = G(z).';
      charts.append(row, chartEl, legend);
    },
    draw(view: GanFigure1View) {
      const width = chartWidth(chartEl);
      const x0 = view.xs[0];
      const x1 = view.xs[view.xs.length - 1];
      // Both densities share one scale, set by p_data (its peak at 0.8); a generator that
      // collapses to a spike runs off the top and is clipped.
      let peak = 0;
      for (let i = 0; i < view.xs.length; i++) peak = Math.max(peak, view.pdata[i]);
      peak = Math.max(peak, 1e-9) / 0.8;
      const rows = Array.from(view.xs, (x, i) => ({ x, pd: view.pdata[i] / peak, pg: Math.min(1.04, view.pg[i] / peak), d: view.d[i], ds: view.dstar[i] }));
      // z in [-1, 1] is drawn on the lower line across the middle half of the x range.
      const zx = (z: number) => x0 + (x1 - x0) * (0.5 + 0.25 * z);
      const yX = -0.12;
      const yZ = -0.5;
      const arrows = Array.from(view.zArrows, (z, i) => ({ x1: zx(z), y1: yZ, x2: Math.min(x1, Math.max(x0, view.gArrows[i])), y2: yX }));
      later(chartEl, () => chartEl.replaceChildren(
        plot({
          width,
          height: 320,
          x: { label: 'x', domain: [x0, x1] },
          y: { label: null, domain: [-0.6, 1.05], ticks: [0, 0.5, 1] },
          marks: [
            Plot.ruleY([yX], { x1: x0, x2: x1, stroke: 'currentColor' }),
            Plot.ruleY([yZ], { x1: zx(-1), x2: zx(1), stroke: 'currentColor' }),
            Plot.text([{ x: zx(-1), y: yZ, t: 'z' }, { x: x0, y: yX, t: 'x' }], { x: 'x', y: 'y', text: 't', dx: -8, fontStyle: 'italic' }),
            Plot.arrow(arrows, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'currentColor', strokeOpacity: 0.55, headLength: 6 }),
            Plot.line(rows, { x: 'x', y: 'pd', stroke: 'currentColor', strokeDasharray: '2 3', strokeWidth: 2 }),
            Plot.line(rows, { x: 'x', y: 'pg', stroke: 'var(--series-3)', strokeWidth: 2 }),
            Plot.line(rows, { x: 'x', y: 'ds', stroke: 'currentColor', strokeOpacity: 0.35, strokeDasharray: '6 4' }),
            Plot.line(rows, { x: 'x', y: 'd', stroke: 'var(--series-1)', strokeDasharray: '6 4', strokeWidth: 2 }),
          ],
        }),
      ));
    },
  });
}
