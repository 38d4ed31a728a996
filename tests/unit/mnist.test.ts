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
