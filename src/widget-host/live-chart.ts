import type * as Plot from '@observablehq/plot';
import { plot } from './plot';
import { linePath } from '../lib/chart-domain';

export interface LiveLine {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

type PlotElement = ReturnType<typeof plot>;

/**
 * A chart that Plot draws whole only when its frame changes: size, domains, or the set of marks,
 * all summed up by the caller in `key`. Between such redraws only the live lines move: each is a
 * Plot.line mark given a `className`, whose path gets a new `d` from the chart's own scales.
 * Replacing a whole SVG ten times a second means new DOM, style, layout and paint every frame;
 * changing a few attributes costs a fraction of that and keeps the main thread free.
 */
export class LiveChart {
  el: PlotElement | null = null;
  private key = '';
  constructor(private readonly box: HTMLElement) {}

  /**
   * Redraws (when `key` changed) or moves the lines named in `lines` (by mark className). A mark
   * drawing several series (a `z` or `stroke` channel) takes an array: one line per path, in the
   * order Plot draws them (the order the series first appear in the data).
   */
  draw(key: string, options: () => Plot.PlotOptions, lines: Record<string, LiveLine | LiveLine[]>): void {
    if (!this.el || key !== this.key || !this.el.isConnected) {
      this.el = plot(options());
      this.key = key;
      this.box.replaceChildren(this.el);
      return;
    }
    const sx = this.el.scale('x');
    const sy = this.el.scale('y');
    if (!sx?.apply || !sy?.apply) return;
    for (const [cls, line] of Object.entries(lines)) {
      const paths = this.el.querySelectorAll(`g.${cls} path`);
      (Array.isArray(line) ? line : [line]).forEach((l, i) => paths[i]?.setAttribute('d', linePath(l.x, l.y, sx.apply, sy.apply)));
    }
  }
}
