/**
 * Chapter 4's MNIST MLP GAN: the Parzen-window estimator against a brute-force computation, the
 * protocol (sigma chosen on validation digits), and the numbers the chapter quotes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { createModel as createMnistGan, specs as mnistGanSpecs, parzenEstimate, parzenLogLik } from '../../src/widgets/mnist-gan/model';
import { defaults, parseValue, type NumberSpec } from '../../src/lib/params';
import { Rng } from '../../src/lib/rng';

beforeAll(async () => {
  await startTf();
});

describe('Parzen-window log-likelihood', () => {
  it('matches a direct computation of log (1/N) sum N(x; x_i, sigma^2 I)', () => {
    const rng = new Rng(5);
    const d = 6;
    const centres = Float32Array.from({ length: 9 * d }, () => rng.next());
    const points = Float32Array.from({ length: 4 * d }, () => rng.next());
    for (const s of [0.05, 0.2, 1]) {
      let mean = 0;
      for (let i = 0; i < 4; i++) {
        let p = 0;
        for (let j = 0; j < 9; j++) {
          let sq = 0;
          for (let k = 0; k < d; k++) sq += (points[i * d + k] - centres[j * d + k]) ** 2;
          p += Math.exp(-sq / (2 * s * s)) / (2 * Math.PI * s * s) ** (d / 2);
        }
        mean += Math.log(p / 9) / 4;
      }
      expect(parzenLogLik(centres, points, d, [s])[0]).toBeCloseTo(mean, 3);
    }
  });

  it('chooses sigma by the validation split and reports the test mean with it', () => {
    const rng = new Rng(6);
    const d = 4;
    const c = Float32Array.from({ length: 20 * d }, () => rng.next());
    const v = Float32Array.from({ length: 10 * d }, () => rng.next());
    const t = Float32Array.from({ length: 10 * d }, () => rng.next());
    const sigmas = [0.02, 0.1, 0.3, 1, 3];
    const r = parzenEstimate(c, v, t, d, sigmas);
    const best = sigmas[r.validBySigma.indexOf(Math.max(...r.validBySigma))];
    expect(r.sigma).toBe(best);
    expect(r.test).toBeCloseTo(parzenLogLik(c, t, d, [best])[0], 6);
  });
});

describe('mnist-gan', () => {
  it('rejects bad learning rates', () => {
    for (const name of ['lr_d', 'lr_g']) {
      const spec = mnistGanSpecs.find((s) => s.name === name) as NumberSpec;
      for (const bad of ['0', '-1', '1e9', 'abc']) expect(parseValue(spec, bad).ok, `${name}=${bad}`).toBe(false);
    }
  });

  it('default run: the Parzen estimate rises over 300 steps but stays more than 250 nats below memorised training digits', async () => {
    const data = await mnistNode();
    const m = createMnistGan(defaults(mnistGanSpecs), data);
    const m0 = m.metrics();
    for (let s = 0; s < 300; s++) m.step();
    const p300 = m.parzen();
    const again = m.parzen();
    const m1 = m.metrics();
    console.log(`parzen step 0 ${m0.parzen_ll} (sigma ${m0.parzen_sigma}), step 300 ${p300.test} (sigma ${p300.sigma}), again ${again.test}, memoriser ${m0.parzen_train}, losses ${m1.d_loss} ${m1.g_loss}`);
    expect(Number(m0.parzen_ll)).toBeLessThan(-500);
    expect(p300.test).toBeGreaterThan(-250);
    expect(Number(m0.parzen_train)).toBeGreaterThan(100);
    expect(p300.test).toBeLessThan(Number(m0.parzen_train) - 250);
    // Re-estimating without training changes the number (a fresh set of 1,000 samples).
    expect(again.test).not.toBe(p300.test);
    expect(Number.isFinite(Number(m1.d_loss)) && Number.isFinite(Number(m1.g_loss))).toBe(true);
    m.dispose();
  }, 300_000);

  it('keeps the tensor count flat over two periods of its sampling and Parzen estimate (101 steps)', async () => {
    const data = await mnistNode();
    const m = createMnistGan({ ...defaults(mnistGanSpecs), hidden: 8, batch: 8, parzen_every: 50 }, data);
    m.step();
    m.metrics();
    m.view();
    const n1 = tf.memory().numTensors;
    for (let i = 0; i < 101; i++) m.step();
    m.metrics();
    m.view();
    expect(tf.memory().numTensors).toBe(n1);
    m.dispose();
  }, 300_000);
});
