/**
 * Masks of PixelCNN convolutions and the set of input pixels that can influence one output
 * pixel. Pure JavaScript: the tfjs network (./net.ts) multiplies its kernels by exactly these
 * masks, and the mask explorer widget propagates exactly these supports, so the two cannot
 * disagree. Pixel (r, c) comes before (r', c') in raster order when r < r', or r = r' and c < c'.
 *
 * Kernels are k x k (k odd), indexed [dy][dx] with the centre at (k-1)/2. A kernel tap at
 * (dy, dx) reads the input at (r + dy - h, c + dx - h), h = (k-1)/2, for the output at (r, c).
 *
 * Mask kinds:
 *   'A'  plain PixelCNN first layer: rows above the centre, and the centre row strictly left.
 *   'B'  plain PixelCNN later layers: as A plus the centre tap itself.
 *   'V'  gated PixelCNN vertical stack: every row up to and including the centre row.
 *   'HA' gated horizontal stack, first layer: centre row, strictly left of the centre.
 *   'HB' gated horizontal stack, later layers: centre row, left of and at the centre.
 */
export type MaskKind = 'A' | 'B' | 'V' | 'HA' | 'HB';
export type Layout = 'plain' | 'gated';

export const SIZE = 28;

export function checkKernel(k: number) {
  if (!Number.isInteger(k) || k < 1 || k % 2 === 0) throw new Error(`kernel size must be an odd whole number, got ${k}`);
}

/** The k x k mask as 0/1 values, row-major [dy * k + dx]. */
export function spatialMask(kind: MaskKind, k: number): Uint8Array {
  checkKernel(k);
  const h = (k - 1) / 2;
  const m = new Uint8Array(k * k);
  for (let dy = 0; dy < k; dy++) {
    for (let dx = 0; dx < k; dx++) {
      let on: boolean;
      switch (kind) {
        case 'A':
          on = dy < h || (dy === h && dx < h);
          break;
        case 'B':
          on = dy < h || (dy === h && dx <= h);
          break;
        case 'V':
          on = dy <= h;
          break;
        case 'HA':
          on = dy === h && dx < h;
          break;
        case 'HB':
          on = dy === h && dx <= h;
          break;
      }
      m[dy * k + dx] = on ? 1 : 0;
    }
  }
  return m;
}

/** Offsets (dr, dc) from output to input position read by the mask's live taps. */
export function maskOffsets(kind: MaskKind, k: number): [number, number][] {
  const m = spatialMask(kind, k);
  const h = (k - 1) / 2;
  const out: [number, number][] = [];
  for (let dy = 0; dy < k; dy++) for (let dx = 0; dx < k; dx++) if (m[dy * k + dx]) out.push([dy - h, dx - h]);
  return out;
}

/** Architecture of a stack as the influence computation sees it. */
export interface Arch {
  layout: Layout;
  /** Number of masked layers (the first uses the type-A mask). */
  layers: number;
  /** Kernel size of the first layer. */
  firstKernel: number;
  /** Kernel size of the later layers. */
  kernel: number;
}

/** A set of grid positions as a 0/1 array of length size*size. */
type Grid = Uint8Array;

/** Positions q + off for q in `from`, off in `offsets`, inside the grid (padding carries nothing). */
function spread(from: Grid, offsets: [number, number][], size: number): Grid {
  const out = new Uint8Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!from[r * size + c]) continue;
      for (const [dr, dc] of offsets) {
        const rr = r + dr;
        const cc = c + dc;
        if (rr >= 0 && rr < size && cc >= 0 && cc < size) out[rr * size + cc] = 1;
      }
    }
  }
  return out;
}

function union(a: Grid, b: Grid): Grid {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] | b[i];
  return out;
}

/**
 * Input pixels that can influence the output (logit) at (row, col) through the stack `arch`.
 * The walk goes from the output layer back to the input, one layer at a time, exactly as the
 * network in ./net.ts wires its layers:
 *   plain:  h1 = conv_A(x); h_l = h_{l-1} + conv_B(h_{l-1}) (1x1 convolutions read only the centre).
 *   gated:  v1 = conv_V(x), h1 = conv_HA(x) + shiftDown(v1);
 *           v_l = conv_V(v_{l-1}), h_l = h_{l-1} + conv_HB(h_{l-1}) + shiftDown(v_l).
 * The output reads h_L at (row, col). shiftDown moves the vertical stack one row down, so the
 * horizontal stack at row r sees vertical features of row r - 1.
 */
export function influenceSet(arch: Arch, row: number, col: number, size = SIZE): Grid {
  const { layout, layers, firstKernel, kernel } = arch;
  if (!Number.isInteger(layers) || layers < 1) throw new Error(`layers must be a whole number >= 1, got ${layers}`);
  let H = new Uint8Array(size * size);
  H[row * size + col] = 1;
  if (layout === 'plain') {
    const offB = maskOffsets('B', kernel);
    for (let l = layers; l >= 2; l--) H = spread(H, offB, size);
    return spread(H, maskOffsets('A', firstKernel), size);
  }
  let V = new Uint8Array(size * size);
  for (let l = layers; l >= 1; l--) {
    const k = l === 1 ? firstKernel : kernel;
    // h_l reads v_l one row up (the shift): those v_l positions matter too.
    const Vl = union(V, spread(H, [[-1, 0]], size));
    const Vprev = spread(Vl, maskOffsets('V', k), size);
    const Hprev = spread(H, maskOffsets(l === 1 ? 'HA' : 'HB', k), size);
    if (l === 1) return union(Vprev, Hprev);
    V = Vprev;
    H = Hprev;
  }
  return H; // unreachable (layers >= 1)
}

/**
 * The pixels a stack of this depth ought to see: every pixel before (row, col) in raster order
 * no more than R rows up and R columns to either side, with R the summed kernel radii.
 * The part of this region that `influenceSet` misses is the blind spot.
 */
export function nominalRegion(arch: Arch, row: number, col: number, size = SIZE): Grid {
  const R = (arch.firstKernel - 1) / 2 + (arch.layers - 1) * ((arch.kernel - 1) / 2);
  const out = new Uint8Array(size * size);
  for (let r = Math.max(0, row - R); r <= row; r++) {
    for (let c = Math.max(0, col - R); c <= Math.min(size - 1, col + R); c++) {
      if (r < row || c < col) out[r * size + c] = 1;
    }
  }
  return out;
}

/** Counts: pixels that can influence, and blind-spot pixels (nominal region minus influence). */
export function influenceStats(arch: Arch, row: number, col: number, size = SIZE) {
  const inf = influenceSet(arch, row, col, size);
  const nom = nominalRegion(arch, row, col, size);
  let influence = 0;
  let blind = 0;
  let future = 0;
  const idx = row * size + col;
  for (let i = 0; i < inf.length; i++) {
    if (inf[i]) influence++;
    if (nom[i] && !inf[i]) blind++;
    if (inf[i] && i >= idx) future++;
  }
  return { influence: inf, nominal: nom, influenceCount: influence, blindCount: blind, futureCount: future };
}
