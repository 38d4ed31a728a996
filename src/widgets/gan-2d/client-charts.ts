/**
 * The gan-2d page's charts, small canvases: the losses, the JS lower bound from D's loss (GAN
 * cores), MMD² against the step, and for a side-by-side run each model's loss against its MMD².
 */
import { jsLowerBound } from '../../lib/gan/js-bound';
import { isWgan, type Gan2dView } from './settings';
import { LOSS_NAMES, chartFont, css, sizeCanvas } from './client-canvas';

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

/** A canvas announced as an image with this description. */
function chartCanvas(label: string): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.setAttribute('role', 'img');
  c.setAttribute('aria-label', label);
  return c;
}

export function createCharts() {
  const loss = chartCanvas('Losses against training step');
  const js = chartCanvas("A lower bound on the Jensen-Shannon divergence from D's loss on the evaluation sets, against training step");
  const quality = chartCanvas('MMD squared of the evaluation fakes against training step');
  const scatter = [0, 1].map(() =>
    chartCanvas('One model: its D or critic loss on the evaluation sets against the MMD squared of its samples, one dot per evaluation, later dots darker'),
  );
  const scatterRow = document.createElement('div');
  scatterRow.className = 'gan2d-planes';
  scatterRow.append(...scatter);
  scatterRow.hidden = true;

  /** Draws every chart of `view`, `width` px wide. */
  function draw(view: Gan2dView, width: number) {
    const two = view.cores.length > 1;
    const colors = [css('--series-2', '#c2410c'), css('--series-1', '#1d4ed8')];
    const lossSeries: Series[] = [];
    view.cores.forEach((c, i) => {
      const tag = two ? `${LOSS_NAMES[c.loss]} ` : '';
      lossSeries.push({ x: c.history.step, y: c.history.d_loss, color: colors[i], label: `${tag}${isWgan(c.loss) ? 'critic' : 'D'} loss` });
      if (!two) lossSeries.push({ x: c.history.step, y: c.history.g_loss, color: css('--series-4', '#7e22ce'), label: 'G loss' });
    });
    drawChart(loss, width, 150, lossSeries, 'step', 'loss');
    // The JS divergence between the data and G's samples, bounded from below by D's loss on the
    // evaluation sets: JS >= log 2 - L_D / 2 (chapter 4; equal when D = D*). GAN cores only.
    const gans = view.cores.filter((c) => !isWgan(c.loss));
    js.hidden = gans.length === 0;
    if (gans.length) {
      drawChart(
        js,
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
    drawChart(
      quality,
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
          scatter[i],
          w2,
          200,
          [{ x: c.history.d_loss_eval, y: c.history.mmd, color: colors[i], label: LOSS_NAMES[c.loss], dots: true }],
          `${isWgan(c.loss) ? 'critic' : 'D'} loss (evaluation sets)`,
          'MMD²',
          true,
        ),
      );
    }
  }

  return { loss, js, quality, scatterRow, draw };
}
