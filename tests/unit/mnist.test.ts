import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchPixels, decodeMnist, encodeMnist, labelCounts, packOrder, SPLITS } from '../../src/lib/data/mnist';
import { mnistNode } from './helpers/mnist-node';

const require = createRequire(import.meta.url);
const rawDigit = (d: number) => JSON.parse(readFileSync(require.resolve(`mnist/src/digits/${d}.json`), 'utf8')).data as number[];

describe('packed MNIST', () => {
  it('has 10,000 28x28 digits with the package\'s label counts', async () => {
    const m = await mnistNode();
    expect(m.count).toBe(10000);
    expect([m.rows, m.cols]).toEqual([28, 28]);
    expect(m.pixels.length).toBe(10000 * 784);
    const counts = labelCounts(m);
    for (let d = 0; d < 10; d++) expect(counts[d]).toBe(rawDigit(d).length / 784);
    expect(SPLITS.train.end - SPLITS.train.start).toBe(8000);
    // Both splits hold every digit (the pack order is shuffled).
    expect(labelCounts(m, SPLITS.test).every((c) => c > 150)).toBe(true);
  });

  it('pixels equal the package\'s values (to 1/255)', async () => {
    const m = await mnistNode();
    const order = packOrder(10000);
    // Where did packed digit i come from? The package lists digits grouped by class.
    const offsets = [0];
    for (let d = 0; d < 10; d++) offsets.push(offsets[d] + rawDigit(d).length / 784);
    for (const i of [0, 1, 777, 4242, 9999]) {
      const src = order[i];
      const d = offsets.findIndex((o, k) => src >= o && src < offsets[k + 1]);
      expect(m.labels[i]).toBe(d);
      const raw = rawDigit(d).slice((src - offsets[d]) * 784, (src - offsets[d] + 1) * 784);
      const packed = batchPixels(m, [i]);
      for (let j = 0; j < 784; j++) expect(Math.abs(packed[j] - raw[j])).toBeLessThanOrEqual(0.5 / 255 + 1e-6);
    }
  });

  it('binarises at one half and round-trips through encode/decode', () => {
    const img = Array.from({ length: 4 }, (_, i) => i / 3);
    const bytes = encodeMnist([img, img], [3, 7], 2, 2);
    const m = decodeMnist(bytes);
    expect(Array.from(m.labels)).toEqual([3, 7]);
    expect(Array.from(batchPixels(m, [1], true))).toEqual([0, 0, 1, 1]);
    expect(() => decodeMnist(new Uint8Array(30))).toThrow(/magic/);
  });
});

describe('loading the asset from any server', () => {
  it('accepts the gzip bytes and the bytes a server already inflated (Content-Encoding: gzip)', async () => {
    const { gzipSync } = await import('node:zlib');
    const { unpackMnist } = await import('../../src/lib/data/mnist');
    const raw = encodeMnist([new Array(4).fill(0.5), new Array(4).fill(1)], [3, 7], 2, 2);
    for (const bytes of [gzipSync(raw), raw]) {
      const m = await unpackMnist(bytes);
      expect([m.count, m.rows, m.cols]).toEqual([2, 2, 2]);
      expect(Array.from(m.labels)).toEqual([3, 7]);
      expect(Array.from(m.pixels)).toEqual([128, 128, 128, 128, 255, 255, 255, 255]);
    }
    await expect(unpackMnist(new TextEncoder().encode('<!doctype html><p>Not found'))).rejects.toThrow(/neither gzip nor the packed MNIST format.*3c 21 64 6f/);
  });

  it('forgets a failed load, so that Reset can try again', async () => {
    const { loadMnist } = await import('../../src/lib/data/mnist');
    const raw = encodeMnist([new Array(4).fill(0)], [1], 2, 2);
    let calls = 0;
    const fetchBytes = async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return raw.slice().buffer;
    };
    await expect(loadMnist(fetchBytes)).rejects.toThrow('offline');
    const m = await loadMnist(fetchBytes);
    expect(m.count).toBe(1);
    expect(calls).toBe(2);
  });
});
