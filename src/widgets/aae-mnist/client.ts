import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, drawOrHide, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { AaeView } from './model';
import { canvasFigure, drawImageGrid, densityCells, gaussianGrid, captioned, DIGIT_COLORS } from '../../widget-host/draw';

export function mountAae(root: HTMLElement) {
  const later = frameQueue();
  const codeBox = chartBox('Codes of 500 test digits coloured by label, over the prior density');
  const vaeBox = chartBox('Codes of the same test digits under the VAE trained alongside');
  const samples = canvasFigure('Digits decoded from prior samples', 'aae-samples');
  const historyBox = chartBox();
  let gauss: Float32Array | null = null;

  return mountWidget(settings, root, {
    setup(charts) {
      const row = document.createElement('div');
      row.className = 'aae-row';
      row.append(codeBox, vaeBox);
      const row2 = document.createElement('div');
      row2.className = 'aae-row';
      row2.append(samples.wrap, historyBox);
      charts.append(row, row2);
    },
    draw(view: AaeView) {
      const E = view.extent;
      // The two code plots side by side when two of at least 240 px fit (the row's gap is 1rem),
      // each as wide as the screen allows otherwise.
      const avail = codeBox.parentElement?.clientWidth || 640;
      const gap = 18;
      const width = Math.floor(Math.min(330, avail >= 2 * 240 + gap ? (avail - gap) / 2 : avail));
      // Codes outside the plotted square: open triangles pinned to the edge (counted in the caption),
      // not dots piled on the frame as if they were data.
      const scatter = (codes: Float32Array, density: Float32Array, title: string) => {
        const pts = Array.from(view.testLabels, (l, i) => ({ x: codes[2 * i], y: codes[2 * i + 1], l }));
        const inE = (d: { x: number; y: number }) => Math.abs(d.x) <= E && Math.abs(d.y) <= E;
        const outside = pts.filter((d) => !inE(d)).map((d) => ({ ...d, x: Math.max(-E, Math.min(E, d.x)), y: Math.max(-E, Math.min(E, d.y)) }));
        const note = outside.length ? ` (open triangles: ${outside.length} outside the plot)` : '';
        return captioned(plot({
          width,
          height: width,
          x: { domain: [-E, E], label: 'z₁' },
          y: { domain: [-E, E], label: 'z₂' },
          color: { type: 'ordinal', domain: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], range: DIGIT_COLORS, legend: true },
          marks: [
            densityCells(density, view.bins, E, getComputedStyle(root).color),
            Plot.dot(pts.filter(inE), { x: 'x', y: 'y', fill: 'l', r: 1.8, fillOpacity: 0.85 }),
            Plot.dot(outside, { x: 'x', y: 'y', stroke: 'l', symbol: 'triangle', r: 2.6, fill: 'none', strokeWidth: 1 }),
            Plot.frame({ strokeOpacity: 0.3 }),
          ],
        }), title + note);
      };
      const regName = view.regulariser === 'adversarial' ? 'AAE' : view.regulariser === 'kl' ? 'VAE (KL)' : 'plain autoencoder';
      later(codeBox, () => codeBox.replaceChildren(scatter(view.codes, view.density, `${regName}: test codes over p(z)`)));
      const vaeCodes = view.vaeCodes;
      drawOrHide(later, vaeBox, vaeCodes ? () => scatter(vaeCodes, (gauss ??= gaussianGrid(view.bins, E)), 'VAE alongside: same digits over N(0, I)') : null);
      drawImageGrid(samples.canvas, view.samples, view.sampleRows, view.sampleCols);
      samples.caption.textContent = view.sampleCaption;
      const h = view.history.filter((d) => Number.isFinite(d.code_mmd));
      later(historyBox, () => historyBox.replaceChildren(
        plot({
          width,
          height: 200,
          x: { label: 'step' },
          y: { label: 'code MMD²', type: 'log', grid: true },
          marks: [Plot.line(h, { x: 'step', y: (d: { code_mmd: number }) => Math.max(1e-4, d.code_mmd), stroke: 'var(--series-1)' })],
        }),
      ));
    },
  });
}
