/**
 * Reset in a widget disposes its model and creates a new one: neither may leave tensors behind,
 * or a reader who resets a hundred times fills the GPU/WASM heap. For every tfjs model in the
 * registry, twice: create with default settings, step, read metrics and view, dispose, and the
 * tensor count is back where it started.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { MODELS } from '../../src/bench/models';
import { defaults } from '../../src/lib/params';
import type { Mnist } from '../../src/lib/data/mnist';

let mnist: Mnist;
beforeAll(async () => {
  await startTf();
  mnist = await mnistNode();
});

describe('create → dispose leaves no tensors', () => {
  for (const entry of MODELS.filter((e) => e.tf)) {
    it(entry.id, async () => {
      const before = tf.memory().numTensors;
      for (let round = 0; round < 2; round++) {
        const m = await entry.create(defaults(entry.specs), { mnist: entry.needsMnist ? mnist : undefined });
        for (let i = 0; i < 2; i++) m.step();
        m.metrics();
        m.view();
        m.dispose();
        expect(tf.memory().numTensors, `${entry.id}, round ${round + 1}`).toBe(before);
      }
    }, 120_000);
  }
});
