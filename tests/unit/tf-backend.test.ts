import { describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { MLP } from '../../src/lib/nn/mlp';
import { Rng } from '../../src/lib/rng';

describe('tfjs in Node', () => {
  it('starts the WASM backend', async () => {
    const b = await startTf();
    expect(b).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('fastMatMul gradients equal tf.matMul gradients', async () => {
    await startTf();
    const { fastMatMul } = await import('../../src/lib/nn/mlp');
    const rng = new Rng(3);
    const a = tf.tensor2d(Array.from({ length: 12 }, () => rng.normal()), [3, 4]);
    const b = tf.tensor2d(Array.from({ length: 8 }, () => rng.normal()), [4, 2]);
    const g1 = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(fastMatMul(x as tf.Tensor2D, y as tf.Tensor2D))))([a, b]);
    const g2 = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D))))([a, b]);
    for (let i = 0; i < 2; i++) {
      const d1 = g1[i].dataSync();
      const d2 = g2[i].dataSync();
      for (let j = 0; j < d1.length; j++) expect(d1[j]).toBeCloseTo(d2[j], 4);
    }
    tf.dispose([a, b, ...g1, ...g2]);
  });

  it('an MLP with the same seed has the same weights', async () => {
    await startTf();
    const m1 = new MLP(2, [{ units: 8, activation: 'relu' }, { units: 1, activation: 'linear' }], new Rng(7));
    const m2 = new MLP(2, [{ units: 8, activation: 'relu' }, { units: 1, activation: 'linear' }], new Rng(7));
    expect(Array.from(m1.getWeights()[0])).toEqual(Array.from(m2.getWeights()[0]));
    expect(m1.parameterCount()).toBe(2 * 8 + 8 + 8 + 1);
    m1.dispose();
    m2.dispose();
  });
});
