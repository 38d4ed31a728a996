/**
 * Checkpoints: a trained model's weights in a small binary file plus a JSON manifest that says
 * how they were made (widget, settings, seed, steps, backend, the metrics reached, a hash of the
 * model code). Pure code, no DOM and no tfjs: the same functions run in `npm run checkpoints`
 * (Node), in the training worker (loading) and at build time (static figures).
 *
 * Binary layout: the tensors one after another, each starting at a multiple of 4 bytes.
 * A tensor is stored either as IEEE float16 (`f16`, 2 bytes a value) or as signed 8-bit
 * integers with one scale per tensor (`i8`: value = q * scale, q in [-127, 127]).
 */

import type { BenchInfo } from './model';
import type { Values } from './params';
import type { Mnist } from './data/mnist';

/** Named weight arrays, as a model's save() returns them and load() takes them. */
export type NamedWeights = Record<string, Float32Array>;

export type TensorEncoding = 'f16' | 'i8';

export interface TensorEntry {
  name: string;
  /** Number of values. */
  size: number;
  encoding: TensorEncoding;
  /** Byte offset in the .bin file. */
  offset: number;
  /** i8 only: value = q * scale. */
  scale?: number;
}

/** A metric the checkpoint reached, under the name the widget's readout uses. */
export interface CheckpointMetric {
  value: number;
  /** Decimal places the value is stated (and verified) to. */
  digits: number;
  /** How it was measured, in words (e.g. "test ELBO on the first 500 test digits, nats"). */
  what: string;
}

export interface CheckpointManifest {
  format: 1;
  /** The widget id (names the folder src/widgets/<id>/ and the files <id>.json, <id>.bin). */
  widget: string;
  /** Every setting's value at training time (the widget's defaults unless stated). */
  settings: Record<string, number | string | boolean>;
  /** Settings the weights' shapes (or meaning) depend on: a checkpoint loads only where these match. */
  shapeKeys: string[];
  seed: number;
  steps: number;
  /** Where it was trained ("wasm" in Node). */
  backend: string;
  /** Seconds of training (informative only). */
  seconds: number;
  /** The metrics of the stored (quantised) weights, recomputed by tests/unit/checkpoints.test.ts. */
  metrics: Record<string, CheckpointMetric>;
  /** sha256 of the model code (the widget's model.ts, settings.ts and the src/ files they import). */
  codeHash: string;
  /** The files that went into codeHash, relative to the repository root. */
  codeFiles: string[];
  /** Total bytes of the .bin file. */
  bytes: number;
  tensors: TensorEntry[];
  /** One line for captions: what the checkpoint shows. */
  note?: string;
}

/** The file names of a widget's checkpoint, relative to the site root (public/). */
export function checkpointPaths(widget: string): { manifest: string; weights: string } {
  return { manifest: `checkpoints/${widget}.json`, weights: `checkpoints/${widget}.bin` };
}

// ---- float16 ----

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Rounds a number to the nearest IEEE half (round half to even); overflow gives ±Infinity. */
export function toHalf(v: number): number {
  f32[0] = v;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf / NaN
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign; // underflow to zero
    mant |= 0x800000;
    const shift = 14 - e;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1))) h++; // may carry into the exponent: still correct
  return sign | h;
}

export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

// ---- encode / decode ----

/**
 * Chooses the encoding per tensor: large weight matrices as i8 (a quarter of float32), the rest
 * (biases, small layers) as f16.
 */
export function defaultEncoding(size: number): TensorEncoding {
  return size >= 4096 ? 'i8' : 'f16';
}

/** Packs named weights into the binary file; returns the bytes and the tensor table. */
export function encodeWeights(
  weights: NamedWeights,
  choose: (name: string, size: number) => TensorEncoding = (_, n) => defaultEncoding(n),
): { bytes: Uint8Array; tensors: TensorEntry[] } {
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const [name, arr] of Object.entries(weights)) {
    for (let i = 0; i < arr.length; i++) if (!Number.isFinite(arr[i])) throw new Error(`checkpoint: ${name}[${i}] is ${arr[i]}`);
    const encoding = choose(name, arr.length);
    tensors.push({ name, size: arr.length, encoding, offset });
    offset += align4(arr.length * (encoding === 'f16' ? 2 : 1));
  }
  const bytes = new Uint8Array(offset);
  const view = new DataView(bytes.buffer);
  for (const t of tensors) {
    const arr = weights[t.name];
    if (t.encoding === 'f16') {
      for (let i = 0; i < arr.length; i++) view.setUint16(t.offset + 2 * i, toHalf(arr[i]), true);
    } else {
      let max = 0;
      for (let i = 0; i < arr.length; i++) max = Math.max(max, Math.abs(arr[i]));
      const scale = max > 0 ? max / 127 : 1;
      t.scale = scale;
      for (let i = 0; i < arr.length; i++) view.setInt8(t.offset + i, Math.max(-127, Math.min(127, Math.round(arr[i] / scale))));
    }
  }
  return { bytes, tensors };
}

/** Unpacks the binary file with the manifest's tensor table. Throws a message naming what is wrong. */
export function decodeWeights(bytes: Uint8Array, tensors: TensorEntry[]): NamedWeights {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: NamedWeights = {};
  for (const t of tensors) {
    const width = t.encoding === 'f16' ? 2 : t.encoding === 'i8' ? 1 : 0;
    if (!width) throw new Error(`tensor ${t.name}: unknown encoding ${String(t.encoding)}`);
    if (!Number.isInteger(t.size) || t.size < 0 || !Number.isInteger(t.offset) || t.offset < 0) throw new Error(`tensor ${t.name}: bad size or offset`);
    if (t.offset + t.size * width > bytes.byteLength) {
      throw new Error(`tensor ${t.name} runs past the end of the weights file (${bytes.byteLength} bytes; truncated or not a checkpoint)`);
    }
    const a = new Float32Array(t.size);
    if (t.encoding === 'f16') for (let i = 0; i < t.size; i++) a[i] = fromHalf(view.getUint16(t.offset + 2 * i, true));
    else {
      const s = t.scale;
      if (typeof s !== 'number' || !(s > 0)) throw new Error(`tensor ${t.name}: missing scale`);
      for (let i = 0; i < t.size; i++) a[i] = view.getInt8(t.offset + i) * s;
    }
    out[t.name] = a;
  }
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Checks a parsed manifest's shape; throws a message naming the first thing missing. */
export function checkManifest(m: unknown, widget?: string): CheckpointManifest {
  const o = m as Partial<CheckpointManifest> | null;
  if (!o || typeof o !== 'object') throw new Error('the manifest is not a JSON object');
  if (o.format !== 1) throw new Error(`unknown checkpoint format ${String(o.format)}`);
  if (widget !== undefined && o.widget !== widget) throw new Error(`the checkpoint is for ${String(o.widget)}, not ${widget}`);
  if (!Number.isInteger(o.steps) || (o.steps as number) < 0) throw new Error('the manifest has no step count');
  if (!Array.isArray(o.tensors)) throw new Error('the manifest has no tensor table');
  if (!o.settings || typeof o.settings !== 'object') throw new Error('the manifest has no settings');
  return o as CheckpointManifest;
}

/**
 * Why a checkpoint does not fit these settings (a setting its weights depend on differs), or null
 * when it fits. The reason names the setting and both values.
 */
export function checkpointMismatch(
  manifest: Pick<CheckpointManifest, 'settings' | 'shapeKeys' | 'steps'>,
  values: Record<string, unknown>,
  label: (name: string) => string = (n) => n,
): string | null {
  for (const k of manifest.shapeKeys) {
    const want = manifest.settings[k];
    if (String(values[k]) !== String(want)) {
      return `The trained checkpoint has ${label(k)} = ${String(want)} (here ${String(values[k])}); set it back to load the trained model.`;
    }
  }
  return null;
}

/** Copies named weights into a list of expected names and sizes; throws naming a missing or wrong tensor. */
export function pickWeights(weights: NamedWeights, expected: { name: string; size: number }[]): Float32Array[] {
  return expected.map(({ name, size }) => {
    const a = weights[name];
    if (!a) throw new Error(`the checkpoint has no tensor ${name}`);
    if (a.length !== size) throw new Error(`tensor ${name} has ${a.length} values, the model needs ${size}`);
    return a;
  });
}

/**
 * How a widget's checkpoint is made and checked (src/widgets/<id>/checkpoint.ts exports one):
 * `npm run checkpoints` trains `create(defaults)` for `steps` steps, stores save(), loads the
 * stored weights into a fresh model and writes `measure()` of that model as the manifest's metrics;
 * tests/unit/checkpoints.test.ts loads the files and measures again.
 */
export interface CheckpointRecipe<M = unknown> {
  widget: string;
  steps: number;
  /** Settings the weights depend on (see CheckpointManifest.shapeKeys). */
  shapeKeys: string[];
  needsMnist: boolean;
  /** Builds the model from settings (and the digits, for MNIST widgets). */
  create(values: Record<string, number | string | boolean>, mnist?: unknown): M;
  /** The metrics to state, under the widget's readout names. */
  measure(model: M): Record<string, CheckpointMetric>;
  /** Where the step budget comes from, for the manifest and captions. */
  note: string;
}

/**
 * A widget's recipe from its settings module (id; `bench.needsMnist` says whether it trains on
 * MNIST) and its createModel: `chapter` is the chapter whose prose quotes the run, which gives
 * the note "the 1,000 steps that chapter 3 quotes".
 */
export function checkpointRecipe<M>(
  settings: { id: string; bench: BenchInfo },
  createModel: (values: Values, mnist: Mnist) => M,
  r: Pick<CheckpointRecipe<M>, 'steps' | 'shapeKeys' | 'measure'> & { chapter: number },
): CheckpointRecipe<M> {
  const { chapter, ...rest } = r;
  return {
    widget: settings.id,
    needsMnist: settings.bench.needsMnist === true,
    create: (values, mnist) => createModel(values, mnist as Mnist),
    note: `the ${r.steps.toLocaleString('en-US')} steps that chapter ${chapter} quotes`,
    ...rest,
  };
}
