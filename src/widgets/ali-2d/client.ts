import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import { modeCentre } from './settings';
import type { Ali2dView } from './model';
import { captioned, DIGIT_COLORS } from '../../widget-host/draw';

export function mountAli2d(root: HTMLElement) {
  const later = frameQueue();
  let xBox: HTMLElement;
  let zBox: HTMLElement;
  let recBox: HTMLElement;
  let dBox: HTMLElement;
  let histBox: HTMLElement;
  let reconHistBox: HTMLElement;

  return mountWidget(settings, root, {
    setup(charts) {
      const mk = (label: string) => {
        const b = chartBox();
        b.setAttribute('aria-label', label);
        return b;
      };
      xBox = mk('Data space: data, generator samples and the image of a grid of z under G');
      zBox = mk('Code space: the codes E(x) of test points coloured by mode');
      recBox = mk('Reconstructions G(E(x)) joined to their x');
      dBox = mk("D's output over x");
      // Two charts, each with its own axis (one scale per axis, no rescaled curve).
      histBox = mk('History of modes covered');
      reconHistBox = mk('History of the reconstruction error');
      const row1 = document.createElement('div');
      row1.className = 'ali-row';
      row1.append(xBox, zBox);
      const row2 = document.createElement('div');
      row2.className = 'ali-row';
      row2.append(recBox, dBox);
      const row3 = document.createElement('div');
      row3.className = 'ali-row';
      row3.append(histBox, reconHistBox);
      charts.append(row1, row2, row3);
    },
    draw(view: Ali2dView) {
      const width = Math.max(240, Math.min(340, (xBox.parentElement?.clientWidth || 700) / 2 - 12));
      const E = view.dExtent;
      const pts = (a: Float32Array, extra: (i: number) => Record<string, unknown> = () => ({})) =>
        Array.from({ length: a.length / 2 }, (_, i) => ({ x: a[2 * i], y: a[2 * i + 1], ...extra(i) }));
      const centres = Array.from({ length: view.modes }, (_, k) => {
        const [x, y] = modeCentre(k, view.modes);
        return { x, y, k };
      });
      const color = { type: 'ordinal' as const, domain: Array.from({ length: view.modes }, (_, k) => k), range: [...DIGIT_COLORS, '#333', '#888'] };
      const lines: { x: number; y: number; l: number }[] = [];
      for (let l = 0; l < view.gridLines; l++)
        for (let p = 0; p < view.gridPoints; p++) {
          const o = 2 * (l * view.gridPoints + p);
          lines.push({ x: view.gridMap[o], y: view.gridMap[o + 1], l });
        }
      later(xBox, () => xBox.replaceChildren(
        captioned(plot({
          width,
          height: width,
          x: { domain: [-E, E], label: 'x₁' },
          y: { domain: [-E, E], label: 'x₂' },
          color,
          marks: [
            Plot.line(lines, { x: 'x', y: 'y', z: 'l', stroke: 'currentColor', strokeOpacity: 0.25, strokeWidth: 0.8, clip: true }),
            Plot.dot(pts(view.gens), { x: 'x', y: 'y', r: 1.2, fill: 'var(--series-2)', fillOpacity: 0.5, clip: true }),
            Plot.dot(centres, { x: 'x', y: 'y', stroke: 'k', r: 5, strokeWidth: 2 }),
            Plot.frame({ strokeOpacity: 0.3 }),
          ],
        }), 'z → x: G(z) samples and G of a z-grid'),
      ));
      if (view.codes) {
        zBox.hidden = false;
        later(zBox, () => zBox.replaceChildren(
          captioned(plot({
            width,
            height: width,
                        x: { domain: [-3.5, 3.5], label: 'z₁' },
            y: { domain: [-3.5, 3.5], label: 'z₂' },
            color,
            marks: [
              Plot.dot(pts(view.zs.subarray(0, 800)), { x: 'x', y: 'y', r: 1, fill: 'currentColor', fillOpacity: 0.15 }),
              Plot.dot(pts(view.codes!, (i) => ({ k: view.dataMode[i] })), { x: 'x', y: 'y', fill: 'k', r: 1.8, clip: true }),
              Plot.frame({ strokeOpacity: 0.3 }),
            ],
          }), 'x → z: codes E(x), coloured by mode'),
        ));
      } else {
        zBox.hidden = true;
        later(zBox, () => zBox.replaceChildren());
      }
      if (view.recons) {
        recBox.hidden = false;
        const segs = Array.from({ length: Math.min(150, view.data.length / 2) }, (_, i) => ({
          x1: view.data[2 * i],
          y1: view.data[2 * i + 1],
          x2: view.recons![2 * i],
          y2: view.recons![2 * i + 1],
          k: view.dataMode[i],
        }));
        later(recBox, () => recBox.replaceChildren(
          captioned(plot({
            width,
            height: width,
                        x: { domain: [-E, E], label: 'x₁' },
            y: { domain: [-E, E], label: 'x₂' },
            color,
            marks: [
              Plot.link(segs, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'k', strokeOpacity: 0.6, clip: true }),
              Plot.dot(segs, { x: 'x1', y: 'y1', fill: 'k', r: 2 }),
              Plot.frame({ strokeOpacity: 0.3 }),
            ],
          }), 'x (dots) → G(E(x)) (line ends)'),
        ));
      } else {
        recBox.hidden = true;
        later(recBox, () => recBox.replaceChildren());
      }
      later(dBox, () => dBox.replaceChildren(
        captioned(plot({
          width,
          height: width,
          x: { domain: [-E, E], label: 'x₁' },
          y: { domain: [-E, E], label: 'x₂' },
          color: { type: 'linear', domain: [0, 1], scheme: 'RdBu', legend: true, label: 'D' },
          marks: [
            // One raster image, not a rect per cell (row 0 at y = -E).
            Plot.raster(view.dGrid, { width: view.dBins, height: view.dBins, x1: -E, x2: E, y1: -E, y2: E, fill: (v: number) => v, imageRendering: 'pixelated' }),
            Plot.dot(centres, { x: 'x', y: 'y', stroke: 'black', r: 5 }),
          ],
        }), view.mode === 'ali' ? 'D(x, E(x)) over x' : 'D(x) over x'),
      ));
      const h = view.history;
      later(histBox, () => histBox.replaceChildren(
        captioned(plot({
          width,
          height: 190,
          x: { label: 'step' },
          y: { label: 'modes covered', domain: [0, view.modes], grid: true },
          marks: [Plot.line(h, { x: 'step', y: 'modes_covered', stroke: 'var(--series-1)' })],
        }), `modes covered (of ${view.modes})`),
      ));
      if (view.mode === 'ali') {
        reconHistBox.hidden = false;
        const rec = h.filter((d) => Number.isFinite(d.recon_error));
        later(reconHistBox, () => reconHistBox.replaceChildren(
          captioned(plot({
            width,
            height: 190,
            x: { label: 'step' },
            y: { label: 'reconstruction error', grid: true, zero: true },
            marks: [Plot.line(rec, { x: 'step', y: 'recon_error', stroke: 'var(--series-2)' })],
          }), 'reconstruction error: mean |x − G(E(x))|'),
        ));
      } else {
        reconHistBox.hidden = true;
        later(reconHistBox, () => reconHistBox.replaceChildren());
      }
    },
  });
}
