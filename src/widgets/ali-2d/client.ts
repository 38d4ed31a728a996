import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, drawOrHide, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import { modeCentre } from './settings';
import type { Ali2dView } from './model';
import { captioned, DIGIT_COLORS } from '../../widget-host/draw';

export function mountAli2d(root: HTMLElement) {
  const later = frameQueue();
  const xBox = chartBox('Data space: data, generator samples and the image of a grid of z under G');
  const zBox = chartBox('Code space: the codes E(x) of test points coloured by mode');
  const recBox = chartBox('Reconstructions G(E(x)) joined to their x');
  const dBox = chartBox("D's output over x");
  // Two charts, each with its own axis (one scale per axis, no rescaled curve).
  const histBox = chartBox('History of modes covered');
  const reconHistBox = chartBox('History of the reconstruction error');

  return mountWidget(settings, root, {
    setup(charts) {
      const row = (...boxes: HTMLElement[]) => {
        const r = document.createElement('div');
        r.className = 'ali-row';
        r.append(...boxes);
        return r;
      };
      charts.append(row(xBox, zBox), row(recBox, dBox), row(histBox, reconHistBox));
    },
    draw(view: Ali2dView) {
      // Two panels a row when two of 240 px fit (the row's gap is 1rem); on a phone one a row,
      // as wide as the screen allows.
      const avail = xBox.parentElement?.clientWidth || 700;
      const width = Math.floor(Math.min(340, avail >= 2 * 240 + 18 ? avail / 2 - 12 : avail));
      const E = view.dExtent;
      const pts = (a: Float32Array, extra: (i: number) => Record<string, unknown> = () => ({})) =>
        Array.from({ length: a.length / 2 }, (_, i) => ({ x: a[2 * i], y: a[2 * i + 1], ...extra(i) }));
      const centres = Array.from({ length: view.modes }, (_, k) => {
        const [x, y] = modeCentre(k, view.modes);
        return { x, y, k };
      });
      const color = { type: 'ordinal' as const, domain: Array.from({ length: view.modes }, (_, k) => k), range: [...DIGIT_COLORS, '#333', '#888'] };
      /** A square chart of the x or z plane, half-width `e`, its points coloured by mode, with a caption. */
      const plane = (e: number, axis: 'x' | 'z', marks: () => Plot.Markish[], caption: string) => () =>
        captioned(plot({
          width,
          height: width,
          x: { domain: [-e, e], label: `${axis}₁` },
          y: { domain: [-e, e], label: `${axis}₂` },
          color,
          marks: [...marks(), Plot.frame({ strokeOpacity: 0.3 })],
        }), caption);
      const lines: { x: number; y: number; l: number }[] = [];
      for (let l = 0; l < view.gridLines; l++)
        for (let p = 0; p < view.gridPoints; p++) {
          const o = 2 * (l * view.gridPoints + p);
          lines.push({ x: view.gridMap[o], y: view.gridMap[o + 1], l });
        }
      drawOrHide(later, xBox, plane(E, 'x', () => [
        Plot.line(lines, { x: 'x', y: 'y', z: 'l', stroke: 'currentColor', strokeOpacity: 0.25, strokeWidth: 0.8, clip: true }),
        Plot.dot(pts(view.gens), { x: 'x', y: 'y', r: 1.2, fill: 'var(--series-2)', fillOpacity: 0.5, clip: true }),
        Plot.dot(centres, { x: 'x', y: 'y', stroke: 'k', r: 5, strokeWidth: 2 }),
      ], 'z → x: G(z) samples and G of a z-grid'));
      const codes = view.codes;
      drawOrHide(later, zBox, codes && plane(3.5, 'z', () => [
        Plot.dot(pts(view.zs.subarray(0, 800)), { x: 'x', y: 'y', r: 1, fill: 'currentColor', fillOpacity: 0.15 }),
        Plot.dot(pts(codes, (i) => ({ k: view.dataMode[i] })), { x: 'x', y: 'y', fill: 'k', r: 1.8, clip: true }),
      ], 'x → z: codes E(x), coloured by mode'));
      const recons = view.recons;
      drawOrHide(later, recBox, recons && plane(E, 'x', () => {
        const segs = Array.from({ length: Math.min(150, view.data.length / 2) }, (_, i) => ({
          x1: view.data[2 * i],
          y1: view.data[2 * i + 1],
          x2: recons[2 * i],
          y2: recons[2 * i + 1],
          k: view.dataMode[i],
        }));
        return [
          Plot.link(segs, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'k', strokeOpacity: 0.6, clip: true }),
          Plot.dot(segs, { x: 'x1', y: 'y1', fill: 'k', r: 2 }),
        ];
      }, 'x (dots) → G(E(x)) (line ends)'));
      later(dBox, () => dBox.replaceChildren(
        captioned(plot({
          width,
          height: width,
          x: { domain: [-E, E], label: 'x₁' },
          y: { domain: [-E, E], label: 'x₂' },
          // Ramp margins: its end labels (0.0, 1.0) are centred on the ends and were cut in half.
          color: { type: 'linear', domain: [0, 1], scheme: 'RdBu', legend: true, label: 'D', width: 268, marginLeft: 14, marginRight: 14 } as Plot.ScaleOptions,
          marks: [
            // One raster image, not a rect per cell (row 0 at y = -E).
            Plot.raster(view.dGrid, { width: view.dBins, height: view.dBins, x1: -E, x2: E, y1: -E, y2: E, fill: (v: number) => v, imageRendering: 'pixelated' }),
            Plot.dot(centres, { x: 'x', y: 'y', stroke: 'black', r: 5 }),
          ],
        }), view.mode === 'ali' ? 'D(x, E(x)) over x' : 'D(x) over x'),
      ));
      const h = view.history;
      /** A history chart of one metric against the step. */
      const history = (y: string, yScale: Record<string, unknown>, stroke: string, caption: string, rows = h) => () =>
        captioned(plot({
          width,
          height: 190,
          x: { label: 'step' },
          y: { grid: true, ...yScale },
          marks: [Plot.line(rows, { x: 'step', y, stroke })],
        }), caption);
      drawOrHide(later, histBox, history('modes_covered', { label: 'modes covered', domain: [0, view.modes] }, 'var(--series-1)', `modes covered (of ${view.modes})`));
      drawOrHide(later, reconHistBox, view.mode === 'ali'
        ? history('recon_error', { label: 'reconstruction error', zero: true }, 'var(--series-2)', 'reconstruction error: mean |x − G(E(x))|', h.filter((d) => Number.isFinite(d.recon_error)))
        : null);
    },
  });
}
