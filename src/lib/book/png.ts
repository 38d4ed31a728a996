/** A grey-scale PNG writer for build-time figures (Node's zlib): pixels 0-255, row-major. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function greyPng(pixels: Uint8Array, width: number, height: number): Buffer {
  if (pixels.length !== width * height) throw new Error(`greyPng: ${pixels.length} pixels for ${width}x${height}`);
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** Tiles n images of rows x cols (0-255) into one grey image, perRow across, with a 1-pixel gap. */
export function tileImages(images: Uint8Array, n: number, rows: number, cols: number, perRow: number): { pixels: Uint8Array; width: number; height: number } {
  const gr = Math.ceil(n / perRow);
  const width = perRow * (cols + 1) - 1;
  const height = gr * (rows + 1) - 1;
  const pixels = new Uint8Array(width * height);
  for (let k = 0; k < n; k++) {
    const ox = (k % perRow) * (cols + 1);
    const oy = Math.floor(k / perRow) * (rows + 1);
    for (let r = 0; r < rows; r++) pixels.set(images.subarray(k * rows * cols + r * cols, k * rows * cols + (r + 1) * cols), (oy + r) * width + ox);
  }
  return { pixels, width, height };
}

/** An SVG that shows a grey image (embedded PNG) at `scale`, pixelated, with a text alternative. */
export function pngImageSvg(pixels: Uint8Array, width: number, height: number, scale: number, label: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const W = width * scale;
  const H = height * scale;
  const data = greyPng(pixels, width, height).toString('base64');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(label)}"><image href="data:image/png;base64,${data}" width="${W}" height="${H}" style="image-rendering:pixelated"/></svg>`;
}

/** Images with values in [0, 1] (n of rows x cols), tiled perRow across, as an SVG with an embedded PNG. */
export function floatImagesSvg(images: ArrayLike<number>, n: number, perRow: number, scale: number, label: string, rows = 28, cols = 28): string {
  const bytes = new Uint8Array(n * rows * cols);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round(Math.min(1, Math.max(0, images[i])) * 255);
  const t = tileImages(bytes, n, rows, cols, perRow);
  return pngImageSvg(t.pixels, t.width, t.height, scale, label);
}
