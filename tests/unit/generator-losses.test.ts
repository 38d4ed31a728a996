/** Chapter 4's generator-losses widget: the numbers the chapter quotes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { createModel as createGeneratorLosses, specs as generatorLossesSpecs, lossCurves } from '../../src/widgets/generator-losses/model';
import { defaults } from '../../src/lib/params';

beforeAll(async () => {
  await startTf();
});

describe('generator-losses', () => {
  it('autodiff gives the derivatives of eq. (g-grads): -D and -(1 - D)', () => {
    const c = lossCurves(49);
    for (let i = 0; i < c.d.length; i++) {
      expect(c.gradMinimax[i]).toBeCloseTo(-c.d[i], 4);
      expect(c.gradNs[i]).toBeCloseTo(-(1 - c.d[i]), 4);
      expect(c.lossMinimax[i]).toBeCloseTo(Math.log(1 - c.d[i]), 4);
      expect(c.lossNs[i]).toBeCloseTo(-Math.log(c.d[i]), 4);
    }
  });

  it('default run: the non-saturating gradient starts 30 times larger; after 100 steps it is within 0.2 of mu, minimax less than a third of the way', () => {
    const m = createGeneratorLosses(defaults(generatorLossesSpecs));
    const m0 = m.metrics();
    expect(Number(m0.d_fake_ns)).toBeLessThan(0.05);
    expect(Number(m0.grad_ns) / Number(m0.grad_minimax)).toBeGreaterThan(30);
    for (let s = 0; s < 100; s++) m.step();
    const { minimax, ns } = m.offsets();
    expect(Math.abs(ns - 2)).toBeLessThan(0.2);
    expect(minimax).toBeLessThan(-2 + 4 / 3);
    m.dispose();
  });

  it('keeps the tensor count flat', () => {
    const m = createGeneratorLosses(defaults(generatorLossesSpecs));
    m.step();
    const n1 = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) m.step();
    m.metrics();
    m.view();
    expect(tf.memory().numTensors).toBe(n1);
    m.dispose();
  });
});
