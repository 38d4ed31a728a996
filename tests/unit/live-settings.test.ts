/**
 * Live settings (ParamSpec.live): a learning rate, loss weight or optimiser setting changed while
 * a model trains goes to Model.update, and the running model uses it from the next step on
 * (weights, moments and step count stay). Settings that change shapes reset the model instead.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { MODELS } from '../../src/bench/models';
import { defaults, isLive, type Values } from '../../src/lib/params';
import type { Mnist } from '../../src/lib/data/mnist';
import { learningRateOf, makeOptimizer, setLearningRate } from '../../src/lib/nn/mlp';
import { createModel as createGan2d } from '../../src/widgets/gan-2d/model';

let mnist: Mnist;
beforeAll(async () => {
  await startTf();
  mnist = await mnistNode();
});

const LR_NAMES = ['lr', 'g_lr', 'd_lr', 'lr_d', 'lr_g'];

/**
 * The values of every network weight now: MLP variables are named <net>_w<i>_<uid> and
 * <net>_b<i>_<uid>; an optimiser's own variables (Adam's beta powers, moments) are not weights.
 */
function snapshot(): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const [name, v] of Object.entries(tf.engine().registeredVariables)) {
    if (/_[wb]\d+_/.test(name)) out.set(name, v.dataSync().slice() as Float32Array);
  }
  expect(out.size).toBeGreaterThan(0);
  return out;
}
function largestChange(a: Map<string, Float32Array>, b: Map<string, Float32Array>): number {
  let d = 0;
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y) continue;
    for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  }
  return d;
}

describe('setLearningRate', () => {
  for (const kind of ['adam', 'rmsprop', 'sgd'] as const) {
    it(`${kind}: the next update moves a weight by the new rate`, () => {
      const w = tf.variable(tf.scalar(1));
      const opt = makeOptimizer(kind, 0.01);
      setLearningRate(opt, 0.25);
      expect(learningRateOf(opt)).toBe(0.25);
      // one update with gradient 1: SGD moves by lr; Adam's first step by lr (m̂ / sqrt(v̂) = 1);
      // RMSProp (decay 0.9) by lr / sqrt(0.1)
      tf.tidy(() => opt.applyGradients({ [w.name]: tf.scalar(1) }));
      const moved = 1 - w.dataSync()[0];
      const expected = kind === 'rmsprop' ? 0.25 / Math.sqrt(0.1) : 0.25;
      expect(moved).toBeCloseTo(expected, 4);
      opt.dispose();
      w.dispose();
    });
  }
  it('rejects a rate that is not positive', () => {
    const opt = makeOptimizer('adam', 0.01);
    expect(() => setLearningRate(opt, 0)).toThrow(/positive/);
    expect(() => setLearningRate(opt, NaN)).toThrow(/positive/);
    opt.dispose();
  });
});

describe('every widget with live settings', () => {
  const withLive = MODELS.filter((e) => e.specs.some(isLive));

  it('the widgets that matter most have live settings', () => {
    expect(withLive.map((e) => e.id).sort()).toEqual(
      expect.arrayContaining(['aae-mnist', 'gan-2d', 'mnist-gan', 'optimal-discriminator', 'vae-mnist', 'w1-1d']),
    );
  });

  it('no live setting changes a shape (units, layers, data, seed)', () => {
    for (const e of withLive) {
      for (const s of e.specs.filter(isLive)) {
        expect(s.name, e.id).not.toMatch(/units|layers|hidden|seed|target|points|pdata|^pg$|real|fake|prior|variant|noise|train_size/);
      }
    }
  });

  for (const entry of withLive) {
    it(`${entry.id}: update() exists, and a learning rate set live is the one the next step uses`, async () => {
      const values = defaults(entry.specs);
      const m = await entry.create(values, { mnist: entry.needsMnist ? mnist : undefined });
      expect(typeof m.update, entry.id).toBe('function');
      const lrSpecs = entry.specs.filter((s) => isLive(s) && LR_NAMES.includes(s.name));
      expect(lrSpecs.length, entry.id).toBeGreaterThan(0);
      m.step();
      // at the default rate a step moves the weights
      let before = snapshot();
      m.step();
      expect(largestChange(before, snapshot()), entry.id).toBeGreaterThan(1e-5);
      // a rate of 1e-9 set live: the next steps move them by about that much
      const tiny: Values = { ...values };
      for (const s of lrSpecs) tiny[s.name] = 1e-9;
      const n = tf.memory().numTensors;
      m.update!(tiny);
      expect(tf.memory().numTensors, entry.id).toBe(n);
      before = snapshot();
      m.step();
      m.step();
      expect(largestChange(before, snapshot()), entry.id).toBeLessThan(1e-6);
      // back to the default: the weights move again (the moments were kept)
      m.update!(values);
      before = snapshot();
      m.step();
      expect(largestChange(before, snapshot()), entry.id).toBeGreaterThan(1e-5);
      m.dispose();
    });
  }
});

describe('gan-2d: live settings keep the run', () => {
  it('a new learning rate reaches both optimisers of both cores; a new optimiser kind replaces it without leaking', () => {
    const values = { ...defaults(MODELS.find((e) => e.id === 'gan-2d')!.specs), compare: true, wgan: 'wgan-clip' };
    const m = createGan2d(values);
    for (let i = 0; i < 3; i++) m.step();
    const n = tf.memory().numTensors;
    m.update!({ ...values, g_lr: 0.0003, d_lr: 0.0004 });
    expect(learningRateOf(m.cores[0].gOpt)).toBe(0.0003);
    expect(learningRateOf(m.cores[0].dOpt)).toBe(0.0004);
    // the WGAN partner (RMSProp by Algorithm 6.1) takes the rates too
    expect(learningRateOf(m.cores[1].gOpt)).toBe(0.0003);
    expect(m.cores[1].gOpt.getClassName()).toBe('RMSProp');
    m.step();
    const n2 = tf.memory().numTensors;
    m.update!({ ...values, g_lr: 0.0003, d_lr: 0.0004, g_opt: 'sgd', d_opt: 'sgd' });
    expect(m.cores[0].gOpt.getClassName()).toBe('SGD');
    expect(m.cores[1].gOpt.getClassName()).toBe('RMSProp');
    m.step();
    m.step();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(Math.max(n, n2));
    expect(Number.isFinite(Number(m.metrics().d_loss))).toBe(true);
    m.dispose();
  });
});
