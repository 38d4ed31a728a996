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

  it('fastMatMulDataInput: the weight gradient of tf.matMul, zeros for the input', async () => {
    await startTf();
    const { fastMatMulDataInput } = await import('../../src/lib/nn/mlp');
    const rng = new Rng(4);
    const a = tf.tensor2d(Array.from({ length: 15 }, () => rng.normal()), [3, 5]);
    const b = tf.tensor2d(Array.from({ length: 10 }, () => rng.normal()), [5, 2]);
    const g1 = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(fastMatMulDataInput(x as tf.Tensor2D, y as tf.Tensor2D))))([a, b]);
    const g2 = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D))))([a, b]);
    expect(Array.from(g1[0].dataSync())).toEqual(new Array(15).fill(0));
    const d1 = g1[1].dataSync();
    const d2 = g2[1].dataSync();
    let maxDiff = 0;
    for (let j = 0; j < d1.length; j++) maxDiff = Math.max(maxDiff, Math.abs(d1[j] - d2[j]));
    expect(maxDiff).toBeLessThan(1e-4);
    expect(Math.max(...Array.from(d2, Math.abs))).toBeGreaterThan(0.1);
    tf.dispose([a, b, ...g1, ...g2]);
  });

  it('MLP.apply without the input gradient gives the same weight gradients (784-wide input)', async () => {
    await startTf();
    const rng = new Rng(8);
    const mlp = new MLP(784, [{ units: 32, activation: 'relu' }, { units: 3, activation: 'linear' }], rng);
    const x = tf.tensor2d(Float32Array.from({ length: 6 * 784 }, () => (rng.next() < 0.2 ? 1 : 0)), [6, 784]);
    const loss = (inputGrad: boolean) => () => tf.sum(tf.square(mlp.apply(x, undefined, inputGrad))) as tf.Scalar;
    const g1 = tf.variableGrads(loss(true), mlp.variables());
    const g2 = tf.variableGrads(loss(false), mlp.variables());
    expect(g2.value.dataSync()[0]).toBe(g1.value.dataSync()[0]);
    let maxDiff = 0;
    for (const v of mlp.variables()) {
      const d1 = g1.grads[v.name].dataSync();
      const d2 = g2.grads[v.name].dataSync();
      for (let j = 0; j < d1.length; j++) maxDiff = Math.max(maxDiff, Math.abs(d1[j] - d2[j]));
    }
    expect(maxDiff).toBe(0);
    tf.dispose([x, g1.value, g2.value, ...Object.values(g1.grads), ...Object.values(g2.grads)]);
    mlp.dispose();
  });

  it('readTidy returns the values of the tensor built in it and frees every tensor', async () => {
    await startTf();
    const { readTidy } = await import('../../src/lib/tf-backend');
    const before = tf.memory().numTensors;
    const out = readTidy(() => tf.mul(tf.range(0, 5), 2));
    expect(Array.from(out)).toEqual([0, 2, 4, 6, 8]);
    expect(tf.memory().numTensors).toBe(before);
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
