import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartWidth, frameQueue } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { GeneratorLossesView } from './model';


export function mountGeneratorLosses(root: HTMLElement) {
  const later = frameQueue();
  let lossBox: HTMLElement;
  let gradBox: HTMLElement;
  let pathBox: HTMLElement;

  return mountWidget(settings, root, {
    defaultSpeed: '30',
    setup(charts) {
      lossBox = document.createElement('div');
      gradBox = document.createElement('div');
      pathBox = document.createElement('div');
      for (const b of [lossBox, gradBox, pathBox]) b.className = 'chart';
      lossBox.setAttribute('aria-label', 'The two generator losses against D(G(z))');
      gradBox.setAttribute('aria-label', 'Their derivatives with respect to the discriminator logit');
      pathBox.setAttribute('aria-label', 'The generator offset b over training steps, for each loss');
      const legend = document.createElement('p');
      legend.className = 'hint';
      legend.textContent = 'Blue: minimax loss log(1 − D). Orange: non-saturating loss −log D. Dots: where each run\'s fakes sit now (mean D(G(z))).';
      const row = document.createElement('div');
      row.className = 'gl-row';
      row.append(lossBox, gradBox);
      charts.append(legend, row, pathBox);
    },
    draw(view: GeneratorLossesView) {
      const width = chartWidth(pathBox);
      // Side by side when two charts of at least 260 px fit; otherwise one above the other, each
      // the full width (a phone had two 260 px charts stacked beside an empty third of the screen).
      const half = width >= 2 * 260 + 16 ? Math.floor(width / 2) - 8 : width;
      const rows = Array.from(view.d, (d, i) => ({ d, lm: view.lossMinimax[i], ln: view.lossNs[i], gm: view.gradMinimax[i], gn: view.gradNs[i] }));
      const at = (arr: Float32Array, x: number) => {
        const i = Math.min(view.d.length - 1, Math.max(0, Math.round(x * (view.d.length + 1)) - 1));
        return arr[i];
      };
      const pm = view.dFake.minimax;
      const pn = view.dFake.ns;
      /** A half-width chart against D(G(z)) in [0, 1]: both runs' curves, a dot where each run's fakes sit now. */
      const againstD = (box: HTMLElement, y: { label: string; domain: [number, number] }, marks: () => Plot.Markish[]) =>
        later(box, () => box.replaceChildren(plot({ width: half, height: 220, x: { label: 'D(G(z))', domain: [0, 1] }, y: { ...y, grid: true }, marks: marks() })));
      againstD(lossBox, { label: 'generator loss', domain: [-5, 5] }, () => [
        Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
        Plot.line(rows, { x: 'd', y: 'lm', stroke: 'var(--series-1)', strokeWidth: 2, clip: true }),
        Plot.line(rows, { x: 'd', y: 'ln', stroke: 'var(--series-2)', strokeWidth: 2, clip: true }),
        Plot.dot([{ x: pm, y: Math.max(-5, at(view.lossMinimax, pm)) }], { x: 'x', y: 'y', fill: 'var(--series-1)', r: 5 }),
        Plot.dot([{ x: pn, y: Math.min(5, at(view.lossNs, pn)) }], { x: 'x', y: 'y', fill: 'var(--series-2)', r: 5 }),
      ]);
      againstD(gradBox, { label: '∂loss/∂logit', domain: [-1.05, 0.05] }, () => [
        Plot.line(rows, { x: 'd', y: 'gm', stroke: 'var(--series-1)', strokeWidth: 2 }),
        Plot.line(rows, { x: 'd', y: 'gn', stroke: 'var(--series-2)', strokeWidth: 2 }),
        Plot.dot([{ x: pm, y: -pm }], { x: 'x', y: 'y', fill: 'var(--series-1)', r: 5 }),
        Plot.dot([{ x: pn, y: -(1 - pn) }], { x: 'x', y: 'y', fill: 'var(--series-2)', r: 5 }),
      ]);
      const hist = view.history.flatMap((h) => [
        { step: h.step, b: h.minimax, run: 'minimax' },
        { step: h.step, b: h.ns, run: 'non-saturating' },
      ]);
      later(pathBox, () => pathBox.replaceChildren(
        plot({
          width,
          height: 170,
          x: { label: 'generator step' },
          y: { label: 'b, the mean of p_g (dashed: the data mean μ)', grid: true },
          color: { domain: ['minimax', 'non-saturating'], range: ['var(--series-1)', 'var(--series-2)'] },
          marks: [
            Plot.ruleY([view.mu], { stroke: 'currentColor', strokeDasharray: '6 4' }),
            Plot.line(hist, { x: 'step', y: 'b', stroke: 'run', z: 'run', strokeWidth: 2 }),
          ],
        }),
      ));
    },
  });
}
