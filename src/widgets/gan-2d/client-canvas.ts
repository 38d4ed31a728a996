/**
 * What the gan-2d page's canvases share: theme colours (read once per frame), the text size
 * (larger in lecture mode and full screen), canvases sized for sharp exports, the losses' names.
 */

export const LOSS_NAMES: Record<string, string> = {
  minimax: 'GAN (minimax)',
  nonsat: 'GAN (non-saturating)',
  lsgan: 'LSGAN (least squares)',
  'wgan-clip': 'WGAN (clipping)',
  'wgan-gp': 'WGAN-GP',
};

// Theme colours, read once per frame (getComputedStyle is not free).
let styleCache: CSSStyleDeclaration | null = null;
export function css(name: string, fallback: string): string {
  if (!styleCache) styleCache = getComputedStyle(document.documentElement);
  const v = styleCache.getPropertyValue(name).trim();
  return v || fallback;
}

/** Canvas text size: 12 px, 15 px in lecture mode and full screen (set by newFrame). */
export let chartFont = 12;

/** A new frame: theme colours are read again (the theme may have changed), and the text size set. */
export function newFrame(lecture: boolean) {
  styleCache = null;
  chartFont = lecture ? 15 : 12;
}

export function sizeCanvas(c: HTMLCanvasElement, cssW: number, cssH: number): CanvasRenderingContext2D {
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
