import * as Plot from '@observablehq/plot';

/**
 * Observable Plot puts a <style> element inside every chart it makes. Inserting a stylesheet makes
 * the browser re-match styles across the whole page, and a chapter page carries tens of thousands
 * of KaTeX nodes: at ten redraws a second that cost 6-9 ms of every frame here. This wrapper moves
 * each distinct rule text, once, into one shared <style> in the head and strip it from the chart
 * (export.ts puts those rules back into a saved SVG).
 */
const hoisted = new Set<string>();
let sheet: HTMLStyleElement | null = null;

export function hoistPlotStyles<T extends Element>(el: T): T {
  for (const s of el.querySelectorAll('style')) {
    const text = s.textContent ?? '';
    if (!hoisted.has(text)) {
      hoisted.add(text);
      if (!sheet) {
        sheet = document.createElement('style');
        sheet.dataset.plotStyles = '';
        document.head.append(sheet);
      }
      sheet.append(`${text}\n`);
    }
    s.remove();
  }
  return el;
}

/** Plot.plot without the per-chart <style> element. */
export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  return hoistPlotStyles(Plot.plot(options));
}
