/**
 * Page side of the 2-D GAN playground: the plane (client-plane.ts: D's heat map, real and fake
 * samples, the warped z grid, gradient arrows), the loss and quality charts (client-charts.ts),
 * the model overview (client-overview.ts), extra buttons (step D, step G, slow motion), view
 * toggles, and drawing a custom target with pointer events (client-target.ts).
 */
import { button, controlsRow } from '../../widget-host/extra-controls';
import { mountWidget, type WidgetHandle } from '../../widget-host/controller';
import * as settings from './settings';
import { gan2dSpecsFor, isWgan, type Gan2dView } from './settings';
import { newFrame } from './client-canvas';
import { drawPlane, labelPlane, makePlane, type Plane, type Toggles } from './client-plane';
import { createCharts } from './client-charts';
import { createOverview } from './client-overview';
import { TargetDrawing } from './client-target';

export type { Toggles };

export function mountGan2d(root: HTMLElement, id = settings.id, preset = 'default', opts: { overview?: boolean } = {}): WidgetHandle {
  const specs = gan2dSpecsFor(preset);
  const overview = opts.overview ? createOverview() : null;
  const planes: Plane[] = [makePlane('The plane: real samples (green), fakes (orange), D as a heat map'), makePlane('The WGAN of the side-by-side run')];
  const charts = createCharts();
  const show: Toggles = { heat: true, real: true, fake: true, manifold: false, arrows: false };
  let lastView: Gan2dView | null = null;
  let stageText: HTMLElement;
  const planeRow = document.createElement('div');

  const requestDraw = () => {
    if (lastView) drawAll(lastView);
  };
  const target = new TargetDrawing(requestDraw);

  let drawCount = 0;
  let drawTotal = 0;
  function drawAll(view: Gan2dView) {
    const t0 = performance.now();
    lastView = view;
    newFrame(root.classList.contains('lecture'));
    const two = view.cores.length > 1;
    const avail = root.querySelector<HTMLElement>('.charts')?.clientWidth || 640;
    // The plane fits its container (a phone is narrower than 440 px) and grows in full screen,
    // where the lecture layout leaves room for a larger one (up to 3/4 of the window's height).
    const cap = root.classList.contains('lecture') ? Math.max(440, Math.floor(window.innerHeight * 0.75)) : 440;
    // Two planes side by side only when each gets 292 px or more (with the gap between them read
    // from the page); on a narrower screen they stand one above the other at the full width.
    const gap = parseFloat(getComputedStyle(planeRow).columnGap) || 0;
    const half = Math.floor((avail - gap) / 2);
    const size = Math.max(160, Math.min(two && half >= 292 ? half : avail, cap));
    root.dataset.planesStacked = String(two && half < 292);
    view.cores.forEach((core, i) => {
      drawPlane(planes[i], view, core, size, show, target.shown());
      labelPlane(planes[i], core, size, show, two);
    });
    planes[1].wrap.hidden = !two;
    charts.draw(view, Math.min(avail, 720));
    if (overview) {
      // Below about 600 px the diagram runs top to bottom (side to side it would need scrolling).
      overview.setLayout(avail < 600 ? 'tall' : 'wide');
      const v = handle.values();
      const c0 = view.cores[0];
      const last = (a: Float32Array) => (a.length ? a[a.length - 1] : undefined);
      overview.update({
        dLoss: last(c0.history.d_loss),
        gLoss: last(c0.history.g_loss),
        critic: isWgan(c0.loss),
        g: `${v.g_layers} × ${v.g_units} ${v.g_act}`,
        d: `${v.d_layers} × ${v.d_units} ${v.d_act}`,
      });
    }
    const ms = performance.now() - t0;
    drawCount++;
    drawTotal += ms;
    root.dataset.drawMs = ms.toFixed(1);
    root.dataset.drawMeanMs = (drawTotal / drawCount).toFixed(1);
  }

  /** The view toggles: which layers the plane shows. */
  function toggles(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'controls gan2d-toggles';
    const names: [keyof Toggles, string][] = [
      ['heat', 'D heat map'],
      ['real', 'real samples'],
      ['fake', 'fake samples'],
      ['manifold', 'G manifold (warped z grid)'],
      ['arrows', "gradients of G's loss"],
    ];
    for (const [key, label] of names) {
      const l = document.createElement('label');
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.checked = show[key];
      cb.dataset.view = key;
      cb.addEventListener('change', () => {
        show[key] = cb.checked;
        requestDraw();
      });
      l.append(cb, ` ${label}`);
      box.append(l);
    }
    return box;
  }

  const handle = mountWidget(settings, root, {
    // This instance's id (a page may show several) and its preset's settings table.
    id,
    specs,
    setup(box, h) {
      const stepD = button('Step D', 'step-d', 'One update of D (the critic) only');
      const stepG = button('Step G', 'step-g', 'One update of G only');
      const slow = button('Slow motion: next stage', 'stage', 'Walk one training iteration through its stages');
      const drawBtn = button('Draw target', 'draw', 'Draw points on the plane with the mouse, a pen or a finger; they become the target');
      drawBtn.setAttribute('aria-pressed', 'false');
      const run = async (name: string) => {
        try {
          const r = (await h.command(name)) as { text: string };
          stageText.textContent = r.text;
        } catch (err) {
          h.setStatus((err as Error).message, 'error');
        }
      };
      stepD.addEventListener('click', () => run('step-d'));
      stepG.addEventListener('click', () => run('step-g'));
      slow.addEventListener('click', () => run('stage'));
      drawBtn.addEventListener('click', () => {
        const on = target.toggle(h);
        drawBtn.setAttribute('aria-pressed', String(on));
        root.dataset.drawMode = String(on);
        stageText.textContent = on ? 'Drag on the plane to draw target points; the model restarts on the new target when you lift the pointer. Press "Draw target" again to stop.' : '';
        requestDraw();
      });
      const row = controlsRow(stepD, stepG, slow, drawBtn);
      stageText = document.createElement('p');
      stageText.className = 'hint gan2d-stage';
      stageText.setAttribute('aria-live', 'polite');
      planeRow.className = 'gan2d-planes';
      planeRow.append(planes[0].wrap, planes[1].wrap);
      planes[1].wrap.hidden = true;
      if (overview) {
        // On a phone the diagram keeps a readable size and scrolls sideways in its own box.
        const ob = document.createElement('div');
        ob.className = 'gan2d-overview-box';
        ob.append(overview.el);
        box.append(ob);
      }
      box.append(row, toggles(), stageText, planeRow, charts.loss, charts.js, charts.quality, charts.scatterRow);
      // Drawing a target: pointer events cover mouse, pen and touch.
      target.bind(planes[0].canvas, h);
      window.addEventListener('resize', requestDraw);
    },
    draw(view: Gan2dView) {
      drawAll(view);
    },
  });
  return handle;
}
