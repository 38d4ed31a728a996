import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { commandButton, controlsRow } from '../../widget-host/extra-controls';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { MnistGanView } from './model';
import { drawImageGrid } from '../../widget-host/draw';


export function mountMnistGan(root: HTMLElement) {
  const later = frameQueue();
  let canvas: HTMLCanvasElement;
  const lossBox = chartBox();
  const parzenBox = chartBox();

  return mountWidget(settings, root, {
    setup(charts, h) {
      const row = controlsRow(
        commandButton<{ test: number; sigma: number }>(h, 'Estimate Parzen log-likelihood now', 'parzen', {
          action: 'parzen',
          done: (r) => `Parzen estimate: ${r.test.toFixed(1)} nats per test digit with h = ${r.sigma}.`,
        }),
      );
      canvas = document.createElement('canvas');
      canvas.width = 6 * 28;
      canvas.height = 6 * 28;
      canvas.className = 'mnist-grid';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', '36 digits from the generator, from fixed noise');
      const wrap = document.createElement('div');
      wrap.className = 'mnist-gan-row';
      wrap.append(canvas, lossBox);
      charts.append(row, wrap, parzenBox);
    },
    draw(view: MnistGanView) {
      drawImageGrid(canvas, view.samples.subarray(0, Math.min(36, view.n) * 784), 6, 6, { gap: 0 });
      const width = chartWidth(parzenBox);
      const hist = view.history.flatMap((h) => [
        { step: h.step, loss: h.d_loss, who: 'D loss' },
        { step: h.step, loss: h.g_loss, who: 'G loss' },
      ]);
      // Beside the digit grid when both fit (the row's gap is 1rem), otherwise below it at full width.
      const row = canvas.parentElement;
      const gap = row ? parseFloat(getComputedStyle(row).columnGap) || 16 : 16;
      const beside = width - canvas.getBoundingClientRect().width - gap - 2;
      later(lossBox, () => lossBox.replaceChildren(
        plot({
          width: beside >= 260 ? Math.floor(beside) : width,
          height: 200,
          x: { label: 'step' },
          y: { label: 'loss', grid: true },
          color: { legend: true, domain: ['D loss', 'G loss'], range: ['var(--series-1)', 'var(--series-2)'] },
          marks: [Plot.line(hist, { x: 'step', y: 'loss', stroke: 'who', z: 'who' })],
        }),
      ));
      later(parzenBox, () => parzenBox.replaceChildren(
        plot({
          width,
          height: 160,
          x: { label: 'step', domain: [0, Math.max(500, view.parzen[view.parzen.length - 1]?.step ?? 0)] },
          // nice: the first estimate (often the lowest value) sits on a tick, not on the frame.
          y: { label: 'Parzen log-lik. of test digits (nats)', grid: true, nice: true },
          marks: [
            Plot.ruleY([view.parzenTrain], { stroke: 'currentColor', strokeDasharray: '6 4' }),
            Plot.text([view.parzenTrain], { y: (d: number) => d, frameAnchor: 'right', text: () => 'training digits as "samples"', dy: -7, textAnchor: 'end', dx: -4, fill: 'currentColor', fillOpacity: 0.7 }),
            Plot.line(view.parzen, { x: 'step', y: 'gan', stroke: 'var(--series-3)', marker: 'circle' }),
          ],
        }),
      ));
    },
  });
}
