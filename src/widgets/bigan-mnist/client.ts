import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, frameQueue } from '../../widget-host/chart-box';
import { commandButton, controlsRow } from '../../widget-host/extra-controls';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { BiganView } from './model';
import { canvasFigure, drawImageGrid } from '../../widget-host/draw';

const PROBE_TRAINED = "probe on E's codes (this run)";
const PROBE_RANDOM = 'same probe, random E (before training)';

export function mountBigan(root: HTMLElement) {
  const later = frameQueue();
  // One line per row of the image grid, filled from the view.
  const legend = document.createElement('ol');
  legend.className = 'hint bigan-legend';
  const fig = canvasFigure('Rows: test digits, reconstructions, two interpolations, samples', 'bigan-fig', legend);
  const histBox = chartBox();
  return mountWidget(settings, root, {
    setup(charts, h) {
      const row = controlsRow(
        commandButton<{ probe_acc: number }>(h, 'Fit the probe now', 'probe', { done: (r) => `Probe re-fitted: test accuracy ${(100 * r.probe_acc).toFixed(1)}%.` }),
      );
      charts.append(fig.wrap, row, histBox);
    },
    draw(view: BiganView, ctx) {
      drawImageGrid(fig.canvas, view.images, view.rows, view.cols);
      if (legend.childElementCount !== view.rowLabels.length) legend.replaceChildren(...view.rowLabels.map((t) => Object.assign(document.createElement('li'), { textContent: t })));
      const rnd = Number(ctx.metrics.probe_acc_random);
      later(histBox, () => histBox.replaceChildren(
        plot({
          width: Math.min(640, histBox.clientWidth || 600),
          height: 170,
          x: { label: 'step', domain: [0, Math.max(200, ctx.step, ...view.history.map((d) => d.step))] },
          y: { label: 'probe accuracy', domain: [0, 1], grid: true },
          // The legend names both lines (and travels with an exported chart).
          color: { legend: true, domain: [PROBE_TRAINED, PROBE_RANDOM], range: ['var(--series-1)', 'var(--series-2)'] },
          marks: [
            ...(Number.isFinite(rnd) ? [Plot.ruleY([rnd], { stroke: () => PROBE_RANDOM, strokeDasharray: '4 3' })] : []),
            Plot.line(view.history, { x: 'step', y: 'probe_acc', stroke: () => PROBE_TRAINED, z: null, marker: 'dot' }),
          ],
        }),
      ));
    },
  });
}
