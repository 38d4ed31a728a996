import { describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { createModel as createJsSat, specs as jsSatSpecs, optimalMinimaxGrad } from '../../src/widgets/js-saturation/model';
import { defaults, parseValue } from '../../src/lib/params';

describe('js-saturation: the generator gradient as the supports separate', () => {
  it('optimal-D gradient: zero at offset 0, vanishing far out', () => {
    expect(optimalMinimaxGrad(0, 0.5)).toBe(0);
    expect(optimalMinimaxGrad(1, 0.5)).toBeGreaterThan(0.5);
    expect(optimalMinimaxGrad(4, 0.5)).toBeLessThan(0.001);
  });

  it('default sweep: JS saturates at log 2, the trained D gives a vanishing minimax gradient, non-saturating does not', async () => {
    await startTf();
    const m = createJsSat(defaults(jsSatSpecs));
    while (!m.done()) m.step();
    const recs = m.records();
    expect(recs.length).toBe(17);
    const at = (o: number) => recs.find((r) => Math.abs(r.offset - o) < 1e-9)!;
    expect(at(4).jsd).toBeGreaterThan(0.69);
    expect(at(4).jsd).toBeLessThanOrEqual(Math.LN2);
    expect(at(1).grad).toBeGreaterThan(0.5);
    expect(at(4).grad).toBeLessThan(0.005);
    expect(at(4).grad / at(1).grad).toBeLessThan(0.01);
    expect(at(4).gradNs).toBeGreaterThan(1);
    // The trained D's gradient follows the optimal D's within a factor of 2 where it is not tiny.
    for (const r of recs) if (r.offset >= 0.5 && r.offset <= 3) expect(Math.abs(Math.log(r.grad / r.gradOptimal))).toBeLessThan(Math.log(2));
    m.dispose();
  }, 900_000);

  it('keeps the tensor count flat over a few steps; rejects bad settings', async () => {
    await startTf();
    const m = createJsSat({ ...defaults(jsSatSpecs), d_steps: 50, n_offsets: 30, batch: 16 });
    m.step();
    m.view();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) m.step();
    m.metrics();
    m.view();
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
    const lr = jsSatSpecs.find((s) => s.name === 'lr')!;
    for (const bad of ['0', '-1', '1e9', 'abc']) expect(parseValue(lr, bad).ok).toBe(false);
  }, 600_000);
});
