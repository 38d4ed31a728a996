/**
 * Page side of the 2-D GAN playground: canvases for the plane (D's heat map, real and fake
 * samples, the warped z grid, gradient arrows), loss and quality charts, extra buttons (step D,
 * step G, slow motion), view toggles, and drawing a custom target with pointer events.
 */
import { button, controlsRow } from '../../widget-host/extra-controls';
import { mountWidget, type WidgetHandle } from '../../widget-host/controller';
import * as settings from './settings';
import { gan2dSpecsFor, isWgan, type CoreView, type Gan2dView } from './settings';
import { DRAWN_SIGMA, EXTENT, MAX_DRAWN, parseDrawn } from './data';
import { jsLowerBound } from '../../lib/gan/js-bound';

const LOSS_NAMES: Record<string, string> = {
  minimax: 'GAN (minimax)',
  nonsat: 'GAN (non-saturating)',
  lsgan: 'LSGAN (least squares)',
  'wgan-clip': 'WGAN (clipping)',
  'wgan-gp': 'WGAN-GP',
};

// Theme colours, read once per frame (getComputedStyle is not free).
let styleCache: CSSStyleDeclaration | null = null;
function css(name: string, fallback: string): string {
  if (!styleCache) styleCache = getComputedStyle(document.documentElement);
  const v = styleCache.getPropertyValue(name).trim();
  return v || fallback;
}

interface Plane {
  wrap: HTMLElement;
  canvas: HTMLCanvasElement;
  caption: HTMLElement;
  heatCanvas: HTMLCanvasElement;
  /** The colour key of the heat map (what purple and green mean). */
  key: HTMLElement;
  keyLo: HTMLElement;
  keyHi: HTMLElement;
}

/** Canvas text size: 12 px, 15 px in lecture mode and full screen (set by drawAll). */
let chartFont = 12;

function keyNum(v: number): string {
  return Number.isFinite(v) ? (+v.toPrecision(3)).toString().replace('-', '−') : '–';
}

function makePlane(label: string): Plane {
  const wrap = document.createElement('figure');
  wrap.className = 'gan2d-plane';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  const caption = document.createElement('figcaption');
  caption.className = 'hint';
  const key = document.createElement('div');
  key.className = 'gan2d-key hint';
  const keyLo = document.createElement('span');
  const bar = document.createElement('span');
  bar.className = 'gan2d-key-bar';
  const rgb = (t: number) => `rgb(${heatColor(t).map(Math.round).join(',')})`;
  bar.style.background = `linear-gradient(to right, ${rgb(0)}, ${rgb(0.5)}, ${rgb(1)})`;
  const keyHi = document.createElement('span');
  key.append(keyLo, bar, keyHi);
  wrap.append(canvas, key, caption);
  const heatCanvas = document.createElement('canvas');
  return { wrap, canvas, caption, heatCanvas, key, keyLo, keyHi };
}

function sizeCanvas(c: HTMLCanvasElement, cssW: number, cssH: number): CanvasRenderingContext2D {
  // At least 2x, so that an exported plane or chart (Export: PNG of the canvas) is as sharp as
  // the 2x PNGs of the SVG charts, on any screen.
  const dpr = Math.max(2, Math.min(3, window.devicePixelRatio || 1));
  const w = Math.round(cssW * dpr);
  const h = Math.round(cssH * dpr);
  if (c.width !== w || c.height !== h) {
    c.width = w;
    c.height = h;
    c.style.width = `${cssW}px`;
    c.style.height = `${cssH}px`;
  }
  const ctx = c.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** D's value to a colour: GAN: purple (says fake, 0) to green (says real, 1); WGAN: the same on [min, max]. */
function heatColor(t: number): [number, number, number] {
  const u = Math.max(0, Math.min(1, t));
  // purple (0.49, 0.13, 0.81) -> near white -> green (0.08, 0.5, 0.24)
  const a = [126, 34, 206];
  const m = [245, 245, 245];
  const b = [21, 128, 61];
  const [p, q, s] = u < 0.5 ? [a, m, u / 0.5] : [m, b, (u - 0.5) / 0.5];
  return [p[0] + (q[0] - p[0]) * s, p[1] + (q[1] - p[1]) * s, p[2] + (q[2] - p[2]) * s];
}

export interface Toggles {
  heat: boolean;
  real: boolean;
  fake: boolean;
  manifold: boolean;
  arrows: boolean;
}

function drawPlane(pl: Plane, view: Gan2dView, core: CoreView, size: number, show: Toggles, drawn: number[][] | null) {
  const ctx = sizeCanvas(pl.canvas, size, size);
  const E = view.extent;
  const sx = (x: number) => ((x + E) / (2 * E)) * size;
  const sy = (y: number) => ((E - y) / (2 * E)) * size;
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = css('--panel', '#f5f7fa');
  ctx.fillRect(0, 0, size, size);
  if (show.heat) {
    const n = view.heatN;
    pl.heatCanvas.width = n;
    pl.heatCanvas.height = n;
    const hctx = pl.heatCanvas.getContext('2d')!;
    const img = hctx.createImageData(n, n);
    const span = core.heatMax - core.heatMin || 1;
    for (let i = 0; i < n * n; i++) {
      const [r, g, b] = heatColor((core.heat[i] - core.heatMin) / span);
      img.data[4 * i] = r;
      img.data[4 * i + 1] = g;
      img.data[4 * i + 2] = b;
      img.data[4 * i + 3] = 150;
    }
    hctx.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(pl.heatCanvas, 0, 0, size, size);
  }
  // axes
  ctx.strokeStyle = 'rgba(128,128,128,0.35)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(sx(0), 0);
  ctx.lineTo(sx(0), size);
  ctx.moveTo(0, sy(0));
  ctx.lineTo(size, sy(0));
  ctx.stroke();
  if (show.real) {
    ctx.fillStyle = 'rgba(21,128,61,0.55)';
    for (let i = 0; i < view.real.length; i += 2) ctx.fillRect(sx(view.real[i]) - 1.2, sy(view.real[i + 1]) - 1.2, 2.4, 2.4);
  }
  if (show.manifold) {
    ctx.strokeStyle = 'rgba(120,60,160,0.55)';
    ctx.lineWidth = 0.8;
    let o = 0;
    for (const cnt of core.manifoldLines) {
      ctx.beginPath();
      for (let i = 0; i < cnt; i++) {
        const x = sx(core.manifold[2 * (o + i)]);
        const y = sy(core.manifold[2 * (o + i) + 1]);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
      o += cnt;
    }
  }
  if (show.fake) {
    ctx.fillStyle = 'rgba(194,65,12,0.8)';
    for (let i = 0; i < core.fake.length; i += 2) ctx.fillRect(sx(core.fake[i]) - 1.6, sy(core.fake[i + 1]) - 1.6, 3.2, 3.2);
  }
  if (show.arrows) {
    // scale: the longest arrow is 12% of the plane
    let maxLen = 0;
    for (let i = 0; i < core.arrows.length; i += 4) maxLen = Math.max(maxLen, Math.hypot(core.arrows[i + 2], core.arrows[i + 3]));
    const k = maxLen > 0 ? (0.12 * 2 * E) / maxLen : 0;
    ctx.strokeStyle = css('--fg', '#1a1a1a');
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 0; i < core.arrows.length; i += 4) {
      const x0 = sx(core.arrows[i]);
      const y0 = sy(core.arrows[i + 1]);
      const x1 = sx(core.arrows[i] + k * core.arrows[i + 2]);
      const y1 = sy(core.arrows[i + 1] + k * core.arrows[i + 3]);
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      const ang = Math.atan2(y1 - y0, x1 - x0);
      if (Math.hypot(x1 - x0, y1 - y0) > 4) {
        ctx.moveTo(x1, y1);
        ctx.lineTo(x1 - 4 * Math.cos(ang - 0.5), y1 - 4 * Math.sin(ang - 0.5));
        ctx.moveTo(x1, y1);
        ctx.lineTo(x1 - 4 * Math.cos(ang + 0.5), y1 - 4 * Math.sin(ang + 0.5));
      }
    }
    ctx.stroke();
  }
  if (core.stage) {
    ctx.lineWidth = 1.2;
    // The slow-motion stage's minibatches: real points ringed green, fakes orange.
    for (const [b, color] of [[core.stage.realBatch, 'rgb(21,128,61)'], [core.stage.fakeBatch, 'rgb(194,65,12)']] as const) {
      if (!b) continue;
      ctx.strokeStyle = color;
      ctx.beginPath();
      for (let i = 0; i < b.length; i += 2) {
        ctx.moveTo(sx(b[i]) + 4, sy(b[i + 1]));
        ctx.arc(sx(b[i]), sy(b[i + 1]), 4, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
  }
  // mode circles (3 sigma)
  ctx.strokeStyle = 'rgba(21,128,61,0.5)';
  ctx.setLineDash([2, 2]);
  const r3 = (3 * view.sigma * size) / (2 * E);
  if (view.modes.length / 2 <= 40) {
    for (let i = 0; i < view.modes.length; i += 2) {
      ctx.beginPath();
      ctx.arc(sx(view.modes[i]), sy(view.modes[i + 1]), r3, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
  if (drawn) {
    ctx.fillStyle = css('--fg', '#1a1a1a');
    for (const [x, y] of drawn) ctx.fillRect(sx(x) - 2, sy(y) - 2, 4, 4);
  }
  // Axes: ticks and labels at the whole numbers, inside the frame (so an exported PNG has them).
  ctx.font = `${chartFont}px system-ui, sans-serif`;
  ctx.strokeStyle = 'rgba(110,110,110,0.9)';
  ctx.fillStyle = css('--fg', '#1a1a1a');
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let v = Math.ceil(-E + 0.5); v <= E - 0.5; v++) {
    ctx.moveTo(sx(v), size);
    ctx.lineTo(sx(v), size - 5);
    ctx.moveTo(0, sy(v));
    ctx.lineTo(5, sy(v));
  }
  ctx.stroke();
  for (let v = Math.ceil(-E + 0.5); v <= E - 0.5; v++) {
    const t = String(v).replace('-', '−');
    ctx.fillText(t, sx(v) - ctx.measureText(t).width / 2, size - 7);
    if (v !== 0) ctx.fillText(t, 7, sy(v) + chartFont / 3);
  }
  ctx.fillText('x₁', size - ctx.measureText('x₁').width - 6, size - 7);
  ctx.fillText('x₂', 7, chartFont + 4);
}

interface Series {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  label: string;
  dots?: boolean;
}

/** A small canvas chart: lines (or dots) with a frame, tick labels at the ends, a legend. */
function drawChart(c: HTMLCanvasElement, w: number, h: number, series: Series[], xLabel: string, yLabel: string, logY = false, refY?: number) {
  const ctx = sizeCanvas(c, w, h);
  ctx.clearRect(0, 0, w, h);
  const m = { l: Math.round(4.5 * chartFont), r: 10, t: chartFont + 8, b: chartFont + 20 };
  const tr = (v: number) => (logY ? Math.log10(Math.max(v, 1e-6)) : v);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      const y = tr(s.y[i]);
      if (!Number.isFinite(y) || !Number.isFinite(s.x[i])) continue;
      x0 = Math.min(x0, s.x[i]);
      x1 = Math.max(x1, s.x[i]);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (refY !== undefined && Number.isFinite(x0)) {
    y0 = Math.min(y0, tr(refY));
    y1 = Math.max(y1, tr(refY));
  }
  const fg = css('--fg', '#1a1a1a');
  const muted = css('--muted', '#5b6270');
  ctx.strokeStyle = css('--line', '#d9dde3');
  ctx.strokeRect(m.l, m.t, w - m.l - m.r, h - m.t - m.b);
  ctx.fillStyle = muted;
  ctx.font = `${chartFont}px system-ui, sans-serif`;
  ctx.fillText(yLabel, 4, h - 4);
  ctx.fillText(xLabel, w - m.r - ctx.measureText(xLabel).width, h - 4);
  if (!Number.isFinite(x0)) {
    ctx.fillText('no data yet', m.l + 8, m.t + 20);
    return;
  }
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) {
    y1 += 0.5;
    y0 -= 0.5;
  }
  const px = (x: number) => m.l + ((x - x0) / (x1 - x0)) * (w - m.l - m.r);
  const py = (y: number) => m.t + (1 - (tr(y) - y0) / (y1 - y0)) * (h - m.t - m.b);
  const fmt = (v: number) => (logY ? (10 ** v).toExponential(0) : Math.abs(v) >= 100 ? v.toFixed(0) : +v.toPrecision(3) + '');
  ctx.fillText(fmt(y1), 4, m.t + 10);
  ctx.fillText(fmt(y0), 4, h - m.b);
  if (refY !== undefined && Number.isFinite(tr(refY))) {
    // a reference level (dashed), inside the axes when it fits
    const y = py(refY);
    if (y >= m.t && y <= h - m.b) {
      ctx.save();
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = muted;
      ctx.beginPath();
      ctx.moveTo(m.l, y);
      ctx.lineTo(w - m.r, y);
      ctx.stroke();
      ctx.restore();
    }
  }
  ctx.fillText(String(+x0.toPrecision(4)), m.l, h - m.b + chartFont + 3);
  const xEnd = String(+x1.toPrecision(4));
  ctx.fillText(xEnd, w - m.r - ctx.measureText(xEnd).width, h - m.b + chartFont + 3);
  let lx = m.l + 6;
  for (const s of series) {
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.lineWidth = 1.5;
    if (s.dots) {
      for (let i = 0; i < s.x.length; i++) {
        if (!Number.isFinite(tr(s.y[i]))) continue;
        ctx.globalAlpha = 0.25 + (0.75 * (i + 1)) / s.x.length;
        ctx.fillRect(px(s.x[i]) - 1.5, py(s.y[i]) - 1.5, 3, 3);
      }
      ctx.globalAlpha = 1;
    } else {
      ctx.beginPath();
      let started = false;
      for (let i = 0; i < s.x.length; i++) {
        if (!Number.isFinite(tr(s.y[i]))) continue;
        if (!started) ctx.moveTo(px(s.x[i]), py(s.y[i]));
        else ctx.lineTo(px(s.x[i]), py(s.y[i]));
        started = true;
      }
      ctx.stroke();
    }
    ctx.fillRect(lx, chartFont / 2, 10, 3);
    ctx.fillStyle = fg;
    ctx.fillText(s.label, lx + 13, chartFont);
    lx += 20 + ctx.measureText(s.label).width;
  }
}

export function mountGan2d(root: HTMLElement, id = settings.id, preset = 'default', opts: { overview?: boolean } = {}): WidgetHandle {
  const specs = gan2dSpecsFor(preset);
  const overview = opts.overview ? createOverview() : null;
  const jsCanvas = document.createElement('canvas');
  const planes: Plane[] = [makePlane('The plane: real samples (green), fakes (orange), D as a heat map'), makePlane('The WGAN of the side-by-side run')];
  const lossCanvas = document.createElement('canvas');
  const qualityCanvas = document.createElement('canvas');
  const scatterCanvases = [document.createElement('canvas'), document.createElement('canvas')];
  const scatterRow = document.createElement('div');
  scatterRow.className = 'gan2d-planes';
  scatterRow.append(...scatterCanvases);
  const show: Toggles = { heat: true, real: true, fake: true, manifold: false, arrows: false };
  let lastView: Gan2dView | null = null;
  let drawing = false;
  let drawMode = false;
  let drawn: number[][] | null = null;
  let stageText: HTMLElement;

  const requestDraw = () => {
    if (lastView) drawAll(lastView);
  };

  let drawCount = 0;
  let drawTotal = 0;
  function drawAll(view: Gan2dView) {
    const t0 = performance.now();
    styleCache = null;
    lastView = view;
    chartFont = root.classList.contains('lecture') ? 15 : 12;
    const two = view.cores.length > 1;
    const avail = root.querySelector<HTMLElement>('.charts')?.clientWidth || 640;
    // The plane fits its container (a phone is narrower than 440 px) and grows in full screen,
    // where the lecture layout leaves room for a larger one (up to 3/4 of the window's height).
    const cap = root.classList.contains('lecture') ? Math.max(440, Math.floor(window.innerHeight * 0.75)) : 440;
    const size = Math.max(160, Math.min(two ? Math.floor((avail - 16) / 2) : avail, cap));
    view.cores.forEach((core, i) => {
      drawPlane(planes[i], view, core, size, show, drawMode ? drawn : null);
      planes[i].caption.textContent = two ? LOSS_NAMES[core.loss] : `${LOSS_NAMES[core.loss]}: ${isWgan(core.loss) ? 'critic score f(x)' : core.loss === 'lsgan' ? 'D(x), a raw score shown from 0 to 1' : 'D(x)'} as background`;
      // the colour key: what the heat map's purple and green mean
      const pl = planes[i];
      pl.key.hidden = !show.heat;
      pl.key.style.maxWidth = `${size}px`;
      if (isWgan(core.loss)) {
        pl.keyLo.textContent = `critic f(x) ${keyNum(core.heatMin)} (low)`;
        pl.keyHi.textContent = `${keyNum(core.heatMax)} (high)`;
      } else if (core.loss === 'lsgan') {
        pl.keyLo.textContent = 'D(x) ≤ 0: says fake';
        pl.keyHi.textContent = '≥ 1: says real';
      } else {
        pl.keyLo.textContent = 'D(x) = 0: says fake';
        pl.keyHi.textContent = '1: says real';
      }
    });
    planes[1].wrap.hidden = !two;
    const width = Math.min(avail, 720);
    const colors = [css('--series-2', '#c2410c'), css('--series-1', '#1d4ed8')];
    const lossSeries: Series[] = [];
    view.cores.forEach((c, i) => {
      const tag = two ? `${LOSS_NAMES[c.loss]} ` : '';
      lossSeries.push({ x: c.history.step, y: c.history.d_loss, color: colors[i], label: `${tag}${isWgan(c.loss) ? 'critic' : 'D'} loss` });
      if (!two) lossSeries.push({ x: c.history.step, y: c.history.g_loss, color: css('--series-4', '#7e22ce'), label: 'G loss' });
    });
    drawChart(lossCanvas, width, 150, lossSeries, 'step', 'loss');
    // The JS divergence between the data and G's samples, bounded from below by D's loss on the
    // evaluation sets: JS >= log 2 - L_D / 2 (chapter 4; equal when D = D*). GAN cores only.
    const gans = view.cores.filter((c) => !isWgan(c.loss));
    jsCanvas.hidden = gans.length === 0;
    if (gans.length) {
      drawChart(
        jsCanvas,
        width,
        150,
        gans.map((c) => ({
          x: c.history.step,
          y: Float32Array.from(c.history.d_loss_eval, (l) => jsLowerBound(l)),
          color: colors[view.cores.indexOf(c)],
          label: 'JS lower bound: log 2 − ½ · D loss (evaluation sets); dashed: log 2, the largest JS',
        })),
        'step',
        'JS (nats)',
        false,
        Math.LN2,
      );
    }
    if (overview) {
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
    drawChart(
      qualityCanvas,
      width,
      150,
      view.cores.map((c, i) => ({ x: c.history.step, y: c.history.mmd, color: colors[i], label: `${two ? LOSS_NAMES[c.loss] + ' ' : ''}MMD² (lower is better)` })),
      'step',
      'MMD²',
      true,
    );
    scatterRow.hidden = !two;
    if (two) {
      const w2 = Math.max(220, Math.floor((width - 12) / 2));
      view.cores.forEach((c, i) =>
        drawChart(
          scatterCanvases[i],
          w2,
          200,
          [{ x: c.history.d_loss_eval, y: c.history.mmd, color: colors[i], label: LOSS_NAMES[c.loss], dots: true }],
          `${isWgan(c.loss) ? 'critic' : 'D'} loss (evaluation sets)`,
          'MMD²',
          true,
        ),
      );
    }
    const ms = performance.now() - t0;
    drawCount++;
    drawTotal += ms;
    root.dataset.drawMs = ms.toFixed(1);
    root.dataset.drawMeanMs = (drawTotal / drawCount).toFixed(1);
  }

  const handle = mountWidget(settings, root, {
    // This instance's id (a page may show several) and its preset's settings table.
    id,
    specs,
    setup(charts, h) {
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
        drawMode = !drawMode;
        drawBtn.setAttribute('aria-pressed', String(drawMode));
        root.dataset.drawMode = String(drawMode);
        drawn = h.values().target === 'custom' ? parseDrawn(String(h.values().points)) : [];
        stageText.textContent = drawMode ? 'Drag on the plane to draw target points; the model restarts on the new target when you lift the pointer. Press "Draw target" again to stop.' : '';
        requestDraw();
      });
      const row = controlsRow(stepD, stepG, slow, drawBtn);
      const toggles = document.createElement('div');
      toggles.className = 'controls gan2d-toggles';
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
        toggles.append(l);
      }
      stageText = document.createElement('p');
      stageText.className = 'hint gan2d-stage';
      stageText.setAttribute('aria-live', 'polite');
      const planeRow = document.createElement('div');
      planeRow.className = 'gan2d-planes';
      planeRow.append(planes[0].wrap, planes[1].wrap);
      planes[1].wrap.hidden = true;
      lossCanvas.setAttribute('role', 'img');
      lossCanvas.setAttribute('aria-label', 'Losses against training step');
      qualityCanvas.setAttribute('role', 'img');
      qualityCanvas.setAttribute('aria-label', 'MMD squared of the evaluation fakes against training step');
      for (const sc of scatterCanvases) {
        sc.setAttribute('role', 'img');
        sc.setAttribute('aria-label', 'One model: its D or critic loss on the evaluation sets against the MMD squared of its samples, one dot per evaluation, later dots darker');
      }
      scatterRow.hidden = true;
      jsCanvas.setAttribute('role', 'img');
      jsCanvas.setAttribute('aria-label', "A lower bound on the Jensen-Shannon divergence from D's loss on the evaluation sets, against training step");
      if (overview) {
        // On a phone the diagram keeps a readable size and scrolls sideways in its own box.
        const box = document.createElement('div');
        box.className = 'gan2d-overview-box';
        box.append(overview.el);
        charts.append(box);
      }
      charts.append(row, toggles, stageText, planeRow, lossCanvas, jsCanvas, qualityCanvas, scatterRow);

      // Drawing a target: pointer events cover mouse, pen and touch.
      const c = planes[0].canvas;
      c.style.touchAction = 'none';
      const toPlane = (e: PointerEvent): [number, number] => {
        const r = c.getBoundingClientRect();
        const x = ((e.clientX - r.left) / r.width) * 2 * EXTENT - EXTENT;
        const y = EXTENT - ((e.clientY - r.top) / r.height) * 2 * EXTENT;
        return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
      };
      const add = (e: PointerEvent) => {
        if (!drawn) drawn = [];
        const p = toPlane(e);
        if (Math.abs(p[0]) > EXTENT || Math.abs(p[1]) > EXTENT) return;
        const last = drawn[drawn.length - 1];
        if (last && Math.hypot(last[0] - p[0], last[1] - p[1]) < 0.06) return;
        if (drawn.length >= MAX_DRAWN) return;
        drawn.push(p);
        requestDraw();
      };
      c.addEventListener('pointerdown', (e) => {
        if (!drawMode) return;
        drawing = true;
        c.setPointerCapture?.(e.pointerId);
        add(e);
        e.preventDefault();
      });
      c.addEventListener('pointermove', (e) => {
        if (drawing) add(e);
      });
      const finish = () => {
        if (!drawing) return;
        drawing = false;
        if (!drawn || drawn.length === 0) return;
        const errs = h.setParams({ target: 'custom', points: drawn.map(([x, y]) => `${x} ${y}`).join('; ') });
        if (errs.length) h.setStatus(errs.join(' '), 'error');
        else h.setStatus(`Target: your ${drawn.length} points (each a Gaussian of radius ${DRAWN_SIGMA}); the model restarted.`);
      };
      c.addEventListener('pointerup', finish);
      c.addEventListener('pointercancel', finish);
      window.addEventListener('resize', requestDraw);
    },
    draw(view: Gan2dView) {
      drawAll(view);
    },
  });
  return handle;
}

// ---------------------------------------------------------------------------------------------
// The playground's model overview (SVG): the two networks as a diagram with the data flowing
// through them, as in GAN Lab: noise z -> G -> fake samples -> D <- real samples, and D's verdict
// -> the losses. The current losses sit on their edges and follow each state report: D's loss on
// the edge out of D, G's loss on the edge back to G (G is trained through D's verdict).

const NS = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

interface Overview {
  el: SVGSVGElement;
  /** Shows the current losses (NaN or undefined: a dash) and the networks' shapes. */
  update(o: { dLoss?: number; gLoss?: number; critic: boolean; g: string; d: string }): void;
}

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '–' : (Math.round(v * 1000) / 1000).toFixed(3).replace('-', '−');
}

function createOverview(): Overview {
  const W = 680;
  const H = 190;
  const el = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'gan2d-overview', 'font-size': 13 });
  const title = svgEl('title', {}, 'Model overview: noise z goes through G to fake samples; D sees fake and real samples; its verdict gives both losses');
  el.append(title);
  const defs = svgEl('defs', {});
  const marker = svgEl('marker', { id: 'gan2d-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: 'currentColor' }));
  defs.append(marker);
  el.append(defs);

  const box = (x: number, y: number, w: number, h: number, label: string, cls: string, sub?: string) => {
    const g = svgEl('g', { class: `node ${cls}` });
    g.append(svgEl('rect', { x, y, width: w, height: h, rx: 6, fill: 'var(--panel, #f5f7fa)', stroke: 'currentColor', 'stroke-opacity': 0.5 }));
    g.append(svgEl('text', { x: x + w / 2, y: y + (sub ? h / 2 - 3 : h / 2 + 5), 'text-anchor': 'middle', 'font-weight': 600 }, label));
    let subEl: SVGTextElement | null = null;
    if (sub !== undefined) {
      subEl = svgEl('text', { x: x + w / 2, y: y + h / 2 + 13, 'text-anchor': 'middle', 'font-size': 11, 'fill-opacity': 0.75 }, sub);
      g.append(subEl);
    }
    el.append(g);
    return subEl;
  };
  const edge = (d: string, color = 'currentColor', dashed = false) =>
    el.append(svgEl('path', { d, fill: 'none', stroke: color, 'stroke-width': 1.6, 'marker-end': 'url(#gan2d-arrow)', ...(dashed ? { 'stroke-dasharray': '5 4' } : {}), color }));

  const orange = 'rgb(194,65,12)';
  const green = 'rgb(21,128,61)';
  box(8, 40, 88, 44, 'noise z', 'z', 'fixed prior');
  const gSub = box(136, 40, 78, 44, 'G', 'g', '');
  box(254, 40, 126, 44, 'fake G(z)', 'fake', 'orange points');
  box(254, 128, 126, 44, 'real x', 'real', 'green points');
  const dSub = box(430, 84, 78, 44, 'D', 'd', '');
  box(562, 84, 110, 44, 'D(x)', 'out', 'real or fake?');
  edge('M96,62 L134,62');
  edge('M214,62 L252,62', orange);
  edge('M380,62 C405,62 410,96 428,100', orange);
  edge('M380,150 C405,150 410,116 428,112', green);
  edge('M508,106 L560,106');
  // G learns through D: the gradient of G's loss runs back from D's verdict to G
  edge('M617,84 C617,22 175,22 175,38', 'var(--accent, #1d4ed8)', true);
  const dLabel = svgEl('text', { x: 534, y: 148, 'text-anchor': 'middle', 'data-edge': 'd_loss' }, 'D loss –');
  const gLabel = svgEl('text', { x: 396, y: 14, 'text-anchor': 'middle', 'data-edge': 'g_loss', fill: 'var(--accent, #1d4ed8)' }, 'G loss – (its gradient trains G)');
  el.append(dLabel, gLabel);

  return {
    el,
    update({ dLoss, gLoss, critic, g, d }) {
      dLabel.textContent = `${critic ? 'critic' : 'D'} loss ${fmt(dLoss)}`;
      gLabel.textContent = `G loss ${fmt(gLoss)} (its gradient trains G)`;
      if (gSub) gSub.textContent = g;
      if (dSub) dSub.textContent = d;
      el.dataset.dLoss = fmt(dLoss);
      el.dataset.gLoss = fmt(gLoss);
    },
  };
}
