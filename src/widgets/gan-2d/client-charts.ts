/**
 * The gan-2d page's charts, small canvases: the losses, the JS lower bound from D's loss (GAN
 * cores), MMD² against the step, and for a side-by-side run each model's loss against its MMD².
 */
import { jsLowerBound } from '../../lib/gan/js-bound';
import { isWgan, type Gan2dView } from './settings';
import { LOSS_NAMES, chartFont, css, sizeCanvas } from './client-canvas';
import { ticks as niceTicks } from '../../lib/svg';
import { tickLabel } from '../../widget-host/plot';

interface Series {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  label: string;
  dots?: boolean;
}

interface ChartOptions {
  logY?: boolean;
  /** A reference level drawn dashed (log 2 on the JS chart). */
  refY?: number;
  /** A step axis: it starts at 0 and has whole-number ticks, like the other step charts. */
  steps?: boolean;
}

interface LegendItem {
  x: number;
  line: number;
  text: string;
  color: string;
  swatch: boolean;
}

/**
 * The legend's entries laid out in lines of at most `maxW` px: an entry that does not fit on the
 * current line starts a new one, and one wider than a whole line is broken between words.
 */
export function layoutLegend(labels: { text: string; color: string }[], maxW: number, measure: (s: string) => number): LegendItem[] {
  const out: LegendItem[] = [];
  let line = 0;
  let x = 0;
  for (const { text, color } of labels) {
    const need = 13 + measure(text);
    if (x > 0 && x + need > maxW) {
      line++;
      x = 0;
    }
    if (13 + measure(text) <= maxW - x) {
      out.push({ x, line, text, color, swatch: true });
      x += need + 10;
      continue;
    }
    // Too wide for a line: words onto as many lines as they need (the swatch on the first).
    let cur = '';
    let first = true;
    for (const word of text.split(' ')) {
      const next = cur ? `${cur} ${word}` : word;
      if (cur && 13 + measure(next) > maxW - x) {
        out.push({ x: x + (first ? 0 : 13), line, text: cur, color, swatch: first });
        first = false;
        line++;
        x = 0;
        cur = word;
      } else cur = next;
    }
    out.push({ x: x + (first ? 0 : 13), line, text: cur, color, swatch: first });
    x += 13 + measure(cur) + 10;
  }
  return out;
}

/**
 * Round ticks inside [lo, hi], at most `n`: linear, or (a log axis, lo and hi in log10 units) at
 * powers of ten, with 3, or 2 and 5, between them when the decades alone give fewer than three.
 */
function axisTicks(lo: number, hi: number, n: number, log: boolean, whole: boolean): number[] {
  // Linear ticks: the widest round step that still gives three ticks inside [a, b] (0.086 and
  // 0.088 alone became 0.086, 0.087, 0.088).
  const linear = (a: number, b: number, keep: (v: number) => boolean) => {
    const span = b - a;
    let t: number[] = [];
    for (let k = Math.max(2, n - 1); k <= n + 3; k++) {
      t = niceTicks(a, b, k).filter((v) => v >= a - 1e-9 * span && v <= b + 1e-9 * span && keep(v));
      if (t.length >= 3) break;
    }
    return t;
  };
  if (!log) return linear(lo, hi, (v) => !whole || Number.isInteger(v));
  const inside = (v: number) => v > 0 && Math.log10(v) >= lo - 1e-9 && Math.log10(v) <= hi + 1e-9;
  let best: number[] = [];
  for (const mults of [[1], [1, 3], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    const t: number[] = [];
    for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) for (const m of mults) if (inside(m * 10 ** e)) t.push(+(m * 10 ** e).toPrecision(6));
    // One more on a log axis (its labels are short): 0.001 to 0.03 in 1-3 steps is five.
    if (t.length > n + 1) break;
    best = t;
    if (t.length >= 3) break;
  }
  if (best.length >= 2) return best;
  // Less than a decade with no round value inside: linear ticks on the values.
  return linear(10 ** lo, 10 ** hi, inside);
}

/** A small canvas chart: lines (or dots) in a frame with round, labelled ticks, and a legend above that wraps. */
function drawChart(c: HTMLCanvasElement, w: number, h: number, series: Series[], xLabel: string, yLabel: string, opts: ChartOptions = {}) {
  const { logY = false, refY, steps = false } = opts;
  const ctx = sizeCanvas(c, w, h);
  ctx.clearRect(0, 0, w, h);
  ctx.font = `${chartFont}px system-ui, sans-serif`;
  const measure = (s: string) => ctx.measureText(s).width;
  const legend = layoutLegend(
    series.map((s) => ({ text: s.label, color: s.color })),
    w - 12,
    measure,
  );
  const lineH = chartFont + 4;
  const legendLines = legend.length ? legend[legend.length - 1].line + 1 : 0;
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
  const hasData = Number.isFinite(x0);
  if (refY !== undefined && hasData) {
    y0 = Math.min(y0, tr(refY));
    y1 = Math.max(y1, tr(refY));
  }
  if (steps && hasData) x0 = Math.min(0, x0);
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) {
    y1 += 0.5;
    y0 -= 0.5;
  }
    // As many y ticks as fit with a line of text between labels (3 to 5 on these charts).
  const plotH = h - legendLines * lineH - 6 - (2 * chartFont + 10);
  const yTicks = hasData ? axisTicks(y0, y1, Math.max(2, Math.min(5, Math.floor(plotH / (2 * chartFont)) + 1)), logY, false) : [];
  const yText = (v: number) => tickLabel(logY ? v : +v.toPrecision(12));
  const yLabW = Math.max(0, ...yTicks.map((t) => measure(yText(t))));
  const m = { l: Math.max(Math.round(2.5 * chartFont), Math.ceil(yLabW) + 10), r: 10, t: legendLines * lineH + 6, b: 2 * chartFont + 10 };
  const fg = css('--fg', '#1a1a1a');
  const muted = css('--muted', '#5b6270');
  ctx.strokeStyle = css('--line', '#d9dde3');
  ctx.lineWidth = 1;
  ctx.strokeRect(m.l, m.t, w - m.l - m.r, h - m.t - m.b);
  ctx.fillStyle = muted;
  ctx.fillText(yLabel, 4, h - 4);
  ctx.fillText(xLabel, w - m.r - measure(xLabel), h - 4);
  legend.forEach((it) => {
    const y = it.line * lineH + chartFont;
    ctx.fillStyle = it.color;
    if (it.swatch) ctx.fillRect(6 + it.x, y - chartFont / 2 - 1, 10, 3);
    ctx.fillStyle = fg;
    ctx.fillText(it.text, 6 + it.x + 13, y);
  });
  if (!hasData) {
    ctx.fillStyle = muted;
    ctx.fillText('no data yet', m.l + 8, m.t + 20);
    return;
  }
  // The data keep an inset from the frame (dots sitting on it were hard to see).
  const inset = series.some((s) => s.dots) ? 7 : 3;
  const px = (x: number) => m.l + inset + ((x - x0) / (x1 - x0)) * (w - m.l - m.r - 2 * inset);
  const pyT = (t: number) => m.t + inset + (1 - (t - y0) / (y1 - y0)) * (h - m.t - m.b - 2 * inset);
  const py = (y: number) => pyT(tr(y));
  // Ticks: marks on the frame, labels left of it and under it.
  ctx.strokeStyle = muted;
  ctx.fillStyle = muted;
  ctx.beginPath();
  for (const t of yTicks) {
    const y = Math.round(py(t)) + 0.5;
    ctx.moveTo(m.l - 3, y);
    ctx.lineTo(m.l, y);
    const s = yText(t);
    ctx.fillText(s, m.l - 5 - measure(s), y + chartFont / 3);
  }
  const xTicks = axisTicks(x0, x1, Math.max(2, Math.min(6, Math.floor((w - m.l - m.r) / 80))), false, steps);
  for (const t of xTicks) {
    const x = Math.round(px(t)) + 0.5;
    ctx.moveTo(x, h - m.b);
    ctx.lineTo(x, h - m.b + 3);
    const s = tickLabel(+t.toPrecision(12));
    const tw = measure(s);
    ctx.fillText(s, Math.max(m.l - tw / 2, Math.min(w - m.r - tw, x - tw / 2)), h - m.b + chartFont + 3);
  }
  ctx.stroke();
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
  }
  c.dataset.yTicks = yTicks.map(yText).join(' ');
  c.dataset.xTicks = xTicks.map((t) => tickLabel(+t.toPrecision(12))).join(' ');
  c.dataset.legendLines = String(legendLines);
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
  scatterRow.className = 'gan2d-planes gan2d-scatters';
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
    drawChart(loss, width, 150, lossSeries, 'step', 'loss', { steps: true });
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
        { refY: Math.LN2, steps: true },
      );
    }
    drawChart(
      quality,
      width,
      150,
      view.cores.map((c, i) => ({ x: c.history.step, y: c.history.mmd, color: colors[i], label: `${two ? LOSS_NAMES[c.loss] + ' ' : ''}MMD² (lower is better)` })),
      'step',
      'MMD²',
      { logY: true, steps: true },
    );
    scatterRow.hidden = !two;
    if (two) {
      // Two side by side when both get 220 px or more (the gap read from the page: 0.75rem is
      // not 12 px at every font size), else one above the other at the full width.
      const gap = parseFloat(getComputedStyle(scatterRow).columnGap) || 0;
      const half = Math.floor((width - gap) / 2);
      const w2 = half >= 220 ? half : width;
      view.cores.forEach((c, i) =>
        drawChart(
          scatter[i],
          w2,
          200,
          [{ x: c.history.d_loss_eval, y: c.history.mmd, color: colors[i], label: LOSS_NAMES[c.loss], dots: true }],
          `${isWgan(c.loss) ? 'critic' : 'D'} loss (evaluation sets)`,
          'MMD²',
          { logY: true },
        ),
      );
    }
  }

  return { loss, js, quality, scatterRow, draw };
}
