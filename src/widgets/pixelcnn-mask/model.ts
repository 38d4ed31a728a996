/**
 * The mask explorer (widget `pixelcnn-mask`): which input pixels can influence the prediction
 * for one chosen pixel through a stack of masked convolutions. No training: a step deepens the
 * stack shown by one layer (cycling 1, 2, ..., layers), so Play animates the receptive field
 * growing. The sets come from `influenceSet` (./pixelcnn/masks.ts), whose masks the tfjs
 * network uses; a Node test checks them against the network's gradients.
 */
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import type { Model } from '../../lib/model';
import { influenceStats, SIZE, type Arch, type Layout } from '../../lib/pixelcnn/masks';
export * from './settings';
import { type PixelcnnMaskView } from './settings';

export function archFor(values: Values, depth: number): Arch {
  return {
    layout: values.layout === 'gated' ? 'gated' : 'plain',
    layers: depth,
    firstKernel: Number(values.first_kernel),
    kernel: Number(values.kernel),
  };
}

export function createModel(values: Values): Model & { select(row: number, col: number): void } {
  const layers = Number(values.layers);
  let row = Number(values.row);
  let col = Number(values.col);
  // Step 0 shows the full stack; steps then cycle through depths 1..layers.
  let depth = layers;
  let cache: { key: string; stats: ReturnType<typeof influenceStats> } | null = null;

  function stats() {
    const key = `${row},${col},${depth}`;
    if (!cache || cache.key !== key) cache = { key, stats: influenceStats(archFor(values, depth), row, col) };
    return cache.stats;
  }

  function select(r: number, c: number) {
    if (!Number.isInteger(r) || !Number.isInteger(c) || r < 0 || c < 0 || r >= SIZE || c >= SIZE) {
      throw new Error(`pick a pixel with row and column between 0 and ${SIZE - 1}`);
    }
    row = r;
    col = c;
  }

  return {
    step() {
      depth = depth >= layers ? 1 : depth + 1;
    },
    metrics() {
      const s = stats();
      return { depth, influence_pixels: s.influenceCount, blind_spot: s.blindCount, future_pixels: s.futureCount };
    },
    view(): PixelcnnMaskView {
      const s = stats();
      const blind = new Uint8Array(SIZE * SIZE);
      for (let i = 0; i < blind.length; i++) blind[i] = s.nominal[i] && !s.influence[i] ? 1 : 0;
      return { size: SIZE, row, col, depth, layers, layout: archFor(values, depth).layout, influence: s.influence, blind };
    },
    command(name, payload) {
      if (name !== 'select') throw new Error(`unknown command ${name}`);
      const p = payload as { row?: unknown; col?: unknown };
      select(Number(p?.row), Number(p?.col));
      return { row, col };
    },
    dispose() {},
    select,
  };
}

/**
 * The grid as SVG: chosen pixel, pixels that influence it, blind-spot pixels, the cursor.
 * Used by the static figure at build time and by the live widget.
 */
export function maskGridSvg(v: PixelcnnMaskView, opts: { cell?: number; cursor?: [number, number] | null; title?: string; idPrefix?: string } = {}): string {
  const hatch = `${opts.idPrefix ?? 'pcnn'}-hatch`;
  const cell = opts.cell ?? 12;
  const n = v.size;
  const W = n * cell;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${W}" width="${W}" height="${W}" role="img" aria-label="${
      opts.title ?? `Pixels that can influence pixel (${v.row}, ${v.col}) through ${v.depth} layers`
    }">`,
    `<rect width="${W}" height="${W}" fill="var(--panel, #f5f7fa)"/>`,
  ];
  const sel = v.row * n + v.col;
  for (let i = 0; i < n * n; i++) {
    const r = Math.floor(i / n);
    const c = i % n;
    let fill: string | null = null;
    if (i === sel) fill = 'var(--series-2, #c2410c)';
    else if (v.influence[i]) fill = 'var(--series-1, #1d4ed8)';
    else if (v.blind[i]) fill = `url(#${hatch})`;
    else if (i > sel) fill = 'var(--line, #d9dde3)';
    if (fill) parts.push(`<rect x="${c * cell}" y="${r * cell}" width="${cell}" height="${cell}" fill="${fill}"/>`);
  }
  parts.splice(
    1,
    0,
    `<defs><pattern id="${hatch}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="var(--bg, #fff)"/><line x1="0" y1="0" x2="0" y2="4" stroke="var(--series-2, #c2410c)" stroke-width="2"/></pattern></defs>`,
  );
  // Grid lines, faint.
  const lines: string[] = [];
  for (let k = 0; k <= n; k++) lines.push(`M${k * cell} 0V${W}M0 ${k * cell}H${W}`);
  parts.push(`<path d="${lines.join('')}" stroke="var(--bg, #fff)" stroke-width="0.6" fill="none"/>`);
  if (opts.cursor) {
    const [r, c] = opts.cursor;
    parts.push(`<rect x="${c * cell + 1}" y="${r * cell + 1}" width="${cell - 2}" height="${cell - 2}" fill="none" stroke="var(--fg, #1a1a1a)" stroke-width="2"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
