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
  /** Side to side ('wide') or, on a narrow screen, top to bottom ('tall'); the losses shown stay. */
  setLayout(layout: Layout): void;
  /** Shows the current losses (NaN or undefined: a dash) and the networks' shapes. */
  update(o: { dLoss?: number; gLoss?: number; critic: boolean; g: string; d: string }): void;
}

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '–' : (Math.round(v * 1000) / 1000).toFixed(3).replace('-', '−');
}

export type Layout = 'wide' | 'tall';

/** Draws one layout of the diagram into `el`: the boxes, the edges and the two loss labels; returns its updater. */
function diagram(el: SVGSVGElement, layout: Layout) {
  const tall = layout === 'tall';
  const W = tall ? 360 : 680;
  const H = tall ? 440 : 190;
  el.replaceChildren();
  el.setAttribute('viewBox', `0 0 ${W} ${H}`);
  el.setAttribute('font-size', String(tall ? 14 : 13));
  el.dataset.layout = layout;
  const title = svgEl('title', {}, 'Model overview: noise z goes through G to fake samples; D sees fake and real samples; its verdict gives both losses');
  el.append(title);
  const defs = svgEl('defs', {});
  const markerId = 'gan2d-arrow';
  const marker = svgEl('marker', { id: markerId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: 'currentColor' }));
  defs.append(marker);
  el.append(defs);
  const subSize = tall ? 13 : 11;

  const box = (x: number, y: number, w: number, h: number, label: string, cls: string, sub?: string) => {
    const g = svgEl('g', { class: `node ${cls}` });
    g.append(svgEl('rect', { x, y, width: w, height: h, rx: 6, fill: 'var(--panel, #f5f7fa)', stroke: 'currentColor', 'stroke-opacity': 0.5 }));
    g.append(svgEl('text', { x: x + w / 2, y: y + (sub ? h / 2 - 3 : h / 2 + 5), 'text-anchor': 'middle', 'font-weight': 600 }, label));
    let subEl: SVGTextElement | null = null;
    if (sub !== undefined) {
      subEl = svgEl('text', { x: x + w / 2, y: y + h / 2 + subSize + 2, 'text-anchor': 'middle', 'font-size': subSize, 'fill-opacity': 0.75 }, sub);
      g.append(subEl);
    }
    el.append(g);
    return subEl;
  };
  const edge = (d: string, color = 'currentColor', dashed = false) =>
    el.append(svgEl('path', { d, fill: 'none', stroke: color, 'stroke-width': 1.6, 'marker-end': `url(#${markerId})`, ...(dashed ? { 'stroke-dasharray': '5 4' } : {}), color }));

  const orange = 'rgb(194,65,12)';
  const green = 'rgb(21,128,61)';
  const accent = 'var(--accent, #1d4ed8)';
  let gSub: SVGTextElement | null;
  let dSub: SVGTextElement | null;
  let dLabel: SVGTextElement;
  let gLabel: SVGTextElement;
  if (!tall) {
    box(8, 40, 88, 44, 'noise z', 'z', 'fixed prior');
    gSub = box(136, 40, 78, 44, 'G', 'g', '');
    box(254, 40, 126, 44, 'fake G(z)', 'fake', 'orange points');
    box(254, 128, 126, 44, 'real x', 'real', 'green points');
    dSub = box(430, 84, 78, 44, 'D', 'd', '');
    box(562, 84, 110, 44, 'D(x)', 'out', 'real or fake?');
    edge('M96,62 L134,62');
    edge('M214,62 L252,62', orange);
    edge('M380,62 C405,62 410,96 428,100', orange);
    edge('M380,150 C405,150 410,116 428,112', green);
    edge('M508,106 L560,106');
    // G learns through D: the gradient of G's loss runs back from D's verdict to G. It comes down
    // onto G's box right of its name, its arrowhead on the box's edge (not on the "G").
    edge('M617,82 C617,20 200,18 200,38', accent, true);
    dLabel = svgEl('text', { x: 534, y: 148, 'text-anchor': 'middle', 'data-edge': 'd_loss' }, 'D loss –');
    gLabel = svgEl('text', { x: 408, y: 14, 'text-anchor': 'middle', 'data-edge': 'g_loss', fill: accent }, 'G loss – (its gradient trains G)');
  } else {
    // Top to bottom: z, G, the fakes beside the real points, D, D's verdict; the gradient of G's
    // loss runs back up the left side from the verdict to G.
    box(60, 8, 140, 48, 'noise z', 'z', 'fixed prior');
    gSub = box(60, 96, 140, 48, 'G', 'g', '');
    box(40, 184, 150, 48, 'fake G(z)', 'fake', 'orange points');
    box(205, 184, 150, 48, 'real x', 'real', 'green points');
    dSub = box(110, 272, 140, 48, 'D', 'd', '');
    box(110, 360, 140, 48, 'D(x)', 'out', 'real or fake?');
    edge('M130,56 L130,94');
    edge('M130,144 L130,182', orange);
    edge('M115,232 C115,254 160,252 165,270', orange);
    edge('M280,232 C280,254 200,252 195,270', green);
    edge('M180,320 L180,358');
    edge('M110,384 C8,384 8,120 58,120', accent, true);
    dLabel = svgEl('text', { x: 192, y: 344, 'data-edge': 'd_loss' }, 'D loss –');
    gLabel = svgEl('text', { x: 8, y: 432, 'data-edge': 'g_loss', fill: accent }, 'G loss – (its gradient trains G)');
  }
  el.append(dLabel, gLabel);

  return {
    update({ dLoss, gLoss, critic, g, d }: Parameters<Overview['update']>[0]) {
      dLabel.textContent = `${critic ? 'critic' : 'D'} loss ${fmt(dLoss)}`;
      gLabel.textContent = `G loss ${fmt(gLoss)} (its gradient trains G)`;
      if (gSub) gSub.textContent = g;
      if (dSub) dSub.textContent = d;
      el.dataset.dLoss = fmt(dLoss);
      el.dataset.gLoss = fmt(gLoss);
    },
  };
}

export function createOverview(): Overview {
  const el = svgEl('svg', { role: 'img', class: 'gan2d-overview' });
  let layout: Layout = 'wide';
  let shown = diagram(el, layout);
  let last: Parameters<Overview['update']>[0] | null = null;
  return {
    el,
    setLayout(next) {
      if (next === layout) return;
      layout = next;
      shown = diagram(el, layout);
      if (last) shown.update(last);
    },
    update(o) {
      last = o;
      shown.update(o);
    },
  };
}
