/** Drawing helpers shared by the chapter 7 and 8 widgets (page side only). */
import * as Plot from '@observablehq/plot';

/** Ten colours for the digit classes 0-9 (Tableau 10). */
export const DIGIT_COLORS = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'];

/**
 * A density on a bins x bins grid over [-E, E]^2 (row 0 at y = -E) as shaded cells, drawn as one
 * raster image rather than one SVG rect per cell (a thousand rects made each redraw cost 100 ms
 * and more here). A canvas needs a real colour, so pass the chart's computed text colour.
 */
export function densityCells(density: Float32Array, bins: number, E: number, color = 'gray'): Plot.Markish {
  let max = 0;
  for (const v of density) max = Math.max(max, v);
  return Plot.raster(density, {
    width: bins,
    height: bins,
    x1: -E,
    x2: E,
    y1: -E,
    y2: E,
    fill: color,
    fillOpacity: (v: number) => (v > 0 ? 0.28 * Math.sqrt(v / (max || 1)) : 0),
    imageRendering: 'pixelated',
  });
}

/** N(0, I) density on the same grid (cell centres). */
export function gaussianGrid(bins: number, E: number): Float32Array {
  const g = new Float32Array(bins * bins);
  const w = (2 * E) / bins;
  for (let r = 0; r < bins; r++)
    for (let c = 0; c < bins; c++) {
      const x = -E + (c + 0.5) * w;
      const y = -E + (r + 0.5) * w;
      g[r * bins + c] = Math.exp(-0.5 * (x * x + y * y)) / (2 * Math.PI);
    }
  return g;
}

export interface ImageGridOptions {
  /** Side of one image in pixels (28 for MNIST). */
  size?: number;
  /** Pixels between neighbouring images. */
  gap?: number;
  /** Pixels around the whole grid (default: the gap). */
  margin?: number;
  /** The value drawn white: 1 for intensities in [0, 1], 255 for bytes. */
  white?: number;
  /** Grey level (0-255) of the gaps, or null to leave them transparent. */
  gapGrey?: number | null;
}

/**
 * The one digit-grid painter: rows x cols square grey images (row-major, one after another in
 * `images`), white on black, drawn into a canvas sized to fit. Images beyond `images` are left out.
 */
export function drawImageGrid(canvas: HTMLCanvasElement, images: ArrayLike<number>, rows: number, cols: number, opts: ImageGridOptions = {}) {
  const { size = 28, gap = 1, white = 1, gapGrey = 90 } = opts;
  const margin = opts.margin ?? gap;
  const W = cols * (size + gap) - gap + 2 * margin;
  const H = rows * (size + gap) - gap + 2 * margin;
  if (canvas.width !== W || canvas.height !== H) {
    canvas.width = W;
    canvas.height = H;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(W, H);
  for (let k = 0; k < rows * cols && (k + 1) * size * size <= images.length; k++) {
    const ox = margin + (k % cols) * (size + gap);
    const oy = margin + Math.floor(k / cols) * (size + gap);
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) {
        const v = Math.round(Math.max(0, Math.min(1, images[k * size * size + r * size + c] / white)) * 255);
        const p = ((oy + r) * W + ox + c) * 4;
        img.data[p] = v;
        img.data[p + 1] = v;
        img.data[p + 2] = v;
        img.data[p + 3] = 255;
      }
  }
  // Gaps in a mid grey so that the grid reads as separate images.
  if (gapGrey !== null) {
    for (let p = 0; p < W * H; p++) if (img.data[p * 4 + 3] === 0) {
      img.data[p * 4] = gapGrey;
      img.data[p * 4 + 1] = gapGrey;
      img.data[p * 4 + 2] = gapGrey;
      img.data[p * 4 + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
}

/** A chart with a small caption above it (Plot's own `title` option renders a large heading). */
export function captioned(chart: Element, text: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'adv-chart';
  const p = document.createElement('p');
  p.className = 'hint adv-caption';
  p.textContent = text;
  box.append(p, chart);
  return box;
}

/**
 * A `<figure>` holding a canvas (an image for assistive technology, named by `label`) and a caption
 * below it: a `<figcaption class="hint">` with `caption` as its text, or the element given.
 */
export function canvasFigure(label: string, className: string, caption: string | HTMLElement = ''): { wrap: HTMLElement; canvas: HTMLCanvasElement; caption: HTMLElement } {
  const wrap = document.createElement('figure');
  wrap.className = className;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  let cap: HTMLElement;
  if (typeof caption === 'string') {
    cap = document.createElement('figcaption');
    cap.className = 'hint';
    cap.textContent = caption;
  } else cap = caption;
  wrap.append(canvas, cap);
  return { wrap, canvas, caption: cap };
}
