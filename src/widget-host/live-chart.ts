import * as Plot from '@observablehq/plot';
import { plot } from './plot';
import { HistoryAxes, linePath } from '../lib/chart-domain';

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

/**
 * A metric history (one value per training step) as a LiveChart on sticky axes (HistoryAxes):
 * Plot redraws it only when an axis or the label changes, otherwise its line moves.
 */
export class HistoryChart {
  private readonly chart: LiveChart;
  private readonly axes = new HistoryAxes();
  constructor(box: HTMLElement, private readonly className: string) {
    this.chart = new LiveChart(box);
  }

  /** `rules`: dashed reference levels, drawn and kept in view; `include`: levels only kept in view. */
  draw(width: number, steps: number[], values: number[], opts: { yLabel: string; stroke: string; rules?: number[]; include?: number[]; tickFormat?: string }): void {
    const { rules = [], include = [] } = opts;
    const key = [width, this.axes.update(steps, values, [...include, ...rules]), ...rules, opts.yLabel].join(' ');
    this.chart.draw(
      key,
      () => ({
        width,
        height: 150,
        x: { label: 'step', domain: this.axes.x },
        y: { label: opts.yLabel, grid: true, domain: this.axes.y, ...(opts.tickFormat ? { tickFormat: opts.tickFormat } : {}) },
        marks: [
          rules.length ? Plot.ruleY(rules, { stroke: 'currentColor', strokeDasharray: '6 4' }) : null,
          Plot.line(steps.map((step, i) => ({ step, y: values[i] })), { x: 'step', y: 'y', stroke: opts.stroke, className: this.className }),
        ],
      }),
      { [this.className]: { x: steps, y: values } },
    );
  }
}
