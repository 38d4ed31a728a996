/**
 * The playground's model overview (SVG): the two networks as a diagram with the data flowing
 * through them, as in GAN Lab: noise z -> G -> fake samples -> D <- real samples, and D's verdict
 * -> the losses. The current losses sit on their edges and follow each state report: D's loss on
 * the edge out of D, G's loss on the edge back to G (G is trained through D's verdict).
 */

const NS = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface Overview {
  el: SVGSVGElement;
  /** Shows the current losses (NaN or undefined: a dash) and the networks' shapes. */
  update(o: { dLoss?: number; gLoss?: number; critic: boolean; g: string; d: string }): void;
}

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '–' : (Math.round(v * 1000) / 1000).toFixed(3).replace('-', '−');
}

export function createOverview(): Overview {
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
