import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { canvasFigure, captioned } from '../../widget-host/draw';
import { controlsRow, slider } from '../../widget-host/extra-controls';
import { mountWidget, type WidgetHandle } from '../../widget-host/controller';
import * as settings from './settings';
import { VAE_GRID, VAE_INTERP, type VaeView } from './settings';
import { drawImageGrid } from '../../widget-host/draw';

const SIDE = 28;
const DIGIT_COLORS = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#6b6b6b'];

/** Paints n 28x28 grey images (0-255) into a canvas, perRow per row, with a 1 px border around each. */
function paintDigits(canvas: HTMLCanvasElement, bytes: Uint8Array, n: number, perRow: number, marks: Map<number, string> = new Map()) {
  drawImageGrid(canvas, bytes.subarray(0, n * SIDE * SIDE), Math.ceil(n / perRow), perRow, { gap: 2, margin: 1, white: 255, gapGrey: null });
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  for (const [k, color] of marks) {
    const ox = (k % perRow) * (SIDE + 2);
    const oy = Math.floor(k / perRow) * (SIDE + 2);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.strokeRect(ox + 1, oy + 1, SIDE, SIDE);
  }
}

/** A digit canvas captioned with its own label. */
const canvasBox = (label: string, cls = 'digits') => canvasFigure(label, `vae-fig ${cls}`, label);

export function mountVaeMnist(root: HTMLElement) {
  const later = frameQueue();
  const scatterBox = chartBox('Latent means of 500 test digits, coloured by digit', 'vae-scatter');
  let grid: ReturnType<typeof canvasBox>;
  let picks: ReturnType<typeof canvasBox>;
  let recons: ReturnType<typeof canvasBox>;
  let interp: ReturnType<typeof canvasBox>;
  const curveBox = chartBox('Training curves: reconstruction term and KL term per step');
  let betaRange: HTMLInputElement;
  let betaOut: HTMLOutputElement;
  let h: WidgetHandle;
  let choosing: 'a' | 'b' = 'a';
  let refreshing = false;
  let lastView: VaeView | null = null;

  const handle = mountWidget(settings, root, {
    setup(charts, hh) {
      h = hh;
      const beta = slider('β slider ', { min: '0', max: '8', step: '0.25', value: String(h.values().beta), ariaLabel: 'β, the weight of the KL term (applies while training)' });
      betaRange = beta.input;
      betaOut = beta.output;
      betaRange.addEventListener('change', () => {
        const errs = h.setParams({ beta: Number(betaRange.value) });
        if (errs.length) h.setStatus(errs.join(' '), 'error');
        else h.setStatus(`β set to ${betaRange.value}; the running model trains with it from the next step (no reset).`);
      });
      const betaRow = controlsRow(beta.label);
      betaRow.classList.add('vae-beta');

      const top = document.createElement('div');
      top.className = 'vae-row';
      grid = canvasBox(`Decoded manifold: a ${VAE_GRID} × ${VAE_GRID} grid of prior quantiles in the latent plane`, 'manifold');
      top.append(scatterBox, grid.wrap);

      picks = canvasBox('Test digits: click one to set the start (A) or end (B) of the interpolation', 'picks');
      recons = canvasBox('Their reconstructions (decoded posterior means)', 'picks');
      interp = canvasBox(`Interpolation: ${VAE_INTERP} decoded points on the straight line from A's code to B's`, 'interp');
      picks.canvas.style.cursor = 'pointer';
      picks.canvas.tabIndex = 0;
      const choose = async (idx: number) => {
        const payload = choosing === 'a' ? { a: idx } : { b: idx };
        const which = choosing.toUpperCase();
        choosing = choosing === 'a' ? 'b' : 'a';
        try {
          await h.command('interp', payload);
          h.setStatus(`Interpolation end ${which} set to test digit ${idx + 1}. Next click sets ${choosing.toUpperCase()}.`);
        } catch (err) {
          h.setStatus((err as Error).message, 'error');
        }
      };
      picks.canvas.addEventListener('click', (e) => {
        const rect = picks.canvas.getBoundingClientRect();
        const x = ((e.clientX - rect.left) / rect.width) * picks.canvas.width;
        const idx = Math.floor(x / (SIDE + 2));
        if (lastView && idx >= 0 && idx < lastView.pickLabels.length) choose(idx);
      });
      picks.canvas.addEventListener('keydown', (e) => {
        const k = Number(e.key);
        if (Number.isInteger(k) && e.key.length === 1) {
          e.preventDefault();
          e.stopPropagation();
          choose(2 * k);
        }
      });
      picks.canvas.setAttribute('aria-label', 'Test digits: click one, or focus and press a digit key, to set an interpolation end');
      charts.append(betaRow, top, picks.wrap, recons.wrap, interp.wrap, curveBox);
    },
    draw(view: VaeView, ctx) {
      lastView = view;
      if (betaRange && Number(betaRange.value) !== Number(ctx.values.beta) && document.activeElement !== betaRange) {
        betaRange.value = String(ctx.values.beta);
        betaOut.textContent = String(ctx.values.beta);
      }
      // When paused, bring the scatter and grid up to the current step.
      if (!ctx.running && view.refreshedAt !== view.step && !refreshing) {
        refreshing = true;
        h.command('refresh').finally(() => (refreshing = false));
      }
      const pts = Array.from(view.labels, (label, i) => ({ x: view.latent[2 * i], y: view.latent[2 * i + 1], digit: String(label) }));
      const R = Math.max(3, view.gridRange * 1.15);
      const size = 300;
      // Codes outside the plotted square are not piled onto its frame as if they were data: they
      // are drawn as open triangles on the edge, and the caption counts them.
      const inR = (d: { x: number; y: number }) => Math.abs(d.x) <= R && Math.abs(d.y) <= R;
      const inside = pts.filter(inR);
      const outside = pts.filter((d) => !inR(d)).map((d) => ({ ...d, x: Math.max(-R, Math.min(R, d.x)), y: Math.max(-R, Math.min(R, d.y)) }));
      const note = `Dashed square: the region the decoded grid covers.${outside.length ? ` Open triangles: ${outside.length} code${outside.length === 1 ? '' : 's'} outside the plot, pinned to its edge.` : ''}`;
      later(scatterBox, () => scatterBox.replaceChildren(
        captioned(plot({
          width: size,
          height: size,
          x: { label: 'z₁', domain: [-R, R] },
          y: { label: 'z₂', domain: [-R, R] },
          color: { type: 'ordinal', domain: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], range: DIGIT_COLORS, legend: true },
          marks: [
            Plot.rect([0], { x1: -view.gridRange, x2: view.gridRange, y1: -view.gridRange, y2: view.gridRange, stroke: 'currentColor', strokeOpacity: 0.3, strokeDasharray: '3 3', fill: 'none' }),
            Plot.dot(inside, { x: 'x', y: 'y', fill: 'digit', r: 2.2, fillOpacity: 0.8 }),
            Plot.dot(outside, { x: 'x', y: 'y', stroke: 'digit', symbol: 'triangle', r: 3, fill: 'none', strokeWidth: 1 }),
          ],
        }), note),
      ));
      paintDigits(grid.canvas, view.grid, VAE_GRID * VAE_GRID, VAE_GRID);
      const marks = new Map<number, string>([
        [view.interpA, '#f28e2c'],
        [view.interpB, '#4e79a7'],
      ]);
      paintDigits(picks.canvas, view.picks, view.pickLabels.length, view.pickLabels.length, marks);
      paintDigits(recons.canvas, view.recons, view.pickLabels.length, view.pickLabels.length);
      paintDigits(interp.canvas, view.interp, VAE_INTERP, VAE_INTERP);
      const width = chartWidth(curveBox);
      const train: { step: number; term: string; v: number }[] = [];
      for (let i = 0; i < view.histStep.length; i++) {
        train.push({ step: view.histStep[i], term: 'reconstruction (minibatch)', v: view.histRecon[i] });
        train.push({ step: view.histStep[i], term: 'KL (minibatch)', v: view.histKl[i] });
      }
      const test: { step: number; term: string; v: number }[] = [];
      for (let i = 0; i < view.testStep.length; i++) test.push({ step: view.testStep[i], term: '−ELBO (test subset)', v: -view.testElbo[i] });
      const recon = train.filter((d) => d.term.startsWith('rec'));
      const kl = train.filter((d) => d.term.startsWith('KL'));
      const recent = recon.slice(Math.floor(recon.length / 5));
      const yMax = recent.length ? Math.min(560, Math.max(...recent.map((d) => d.v), ...test.slice(1).map((d) => d.v)) * 1.05) : 560;
      const yMin = recent.length ? Math.min(...recent.map((d) => d.v), ...test.map((d) => d.v)) * 0.97 : 0;
      // Each chart's legend names only the curves it draws (the KL chart has one, named by its axis).
      const color = { domain: ['reconstruction (minibatch)', '−ELBO (test subset)'], range: ['var(--series-1)', 'var(--series-2)'], legend: true };
      const left = plot({
        width,
        height: 200,
        x: { label: 'step' },
        y: { label: 'nats per image', domain: [yMin, yMax], grid: true },
        color,
        marks: [
          Plot.line(recon, { x: 'step', y: 'v', stroke: 'term', z: 'term', strokeOpacity: 0.7, clip: true }),
          Plot.line(test, { x: 'step', y: 'v', stroke: 'term', z: 'term', strokeWidth: 2, clip: true }),
          Plot.dot(test, { x: 'step', y: 'v', fill: 'term', r: 2, clip: true }),
        ],
      });
      const right = plot({
        width,
        height: 150,
        x: { label: 'step' },
        y: { label: `KL (minibatch), nats per image (β = ${view.beta})`, grid: true },
        marks: [Plot.line(kl, { x: 'step', y: 'v', stroke: 'var(--series-3)' }), Plot.ruleY([0])],
      });
      later(curveBox, () => curveBox.replaceChildren(left, right));
    },
  });
  return handle;
}
