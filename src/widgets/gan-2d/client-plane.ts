/**
 * The gan-2d plane: one canvas per model with D's heat map (or the critic's score), real and fake
 * samples, the warped z grid, the gradients of G's loss, the slow-motion stage's minibatches,
 * the target's modes and a drawn target; with its colour key and caption.
 */
import { isWgan, type CoreView, type Gan2dView } from './settings';
import { LOSS_NAMES, chartFont, css, sizeCanvas } from './client-canvas';

export interface Plane {
  wrap: HTMLElement;
  canvas: HTMLCanvasElement;
  caption: HTMLElement;
  heatCanvas: HTMLCanvasElement;
  /** The colour key of the heat map (what purple and green mean). */
  key: HTMLElement;
  keyLo: HTMLElement;
  keyHi: HTMLElement;
}

function keyNum(v: number): string {
  return Number.isFinite(v) ? (+v.toPrecision(3)).toString().replace('-', '−') : '–';
}

export function makePlane(label: string): Plane {
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

export function drawPlane(pl: Plane, view: Gan2dView, core: CoreView, size: number, show: Toggles, drawn: number[][] | null) {
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

/** The plane's caption and colour key (what the heat map's purple and green mean). */
export function labelPlane(pl: Plane, core: CoreView, size: number, show: Toggles, two: boolean) {
  const what = isWgan(core.loss) ? 'critic score f(x)' : core.loss === 'lsgan' ? 'D(x), a raw score shown from 0 to 1' : 'D(x)';
  pl.caption.textContent = two ? LOSS_NAMES[core.loss] : `${LOSS_NAMES[core.loss]}: ${what} as background`;
  pl.key.hidden = !show.heat;
  // The key is as wide as the plane: the bar on top at its full width, its two ends' labels under it.
  pl.key.style.width = `${size}px`;
  pl.caption.style.maxWidth = `${size}px`;
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
}
