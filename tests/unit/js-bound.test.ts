/**
 * The playground's JS estimate: log 2 - L_D / 2 is a lower bound on JS(p_data ‖ p_g) for any D,
 * equal to it at D = D* (chapter 4). Checked on cases with a known answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { jsLowerBound } from '../../src/lib/gan/js-bound';
import { jsd } from '../../src/lib/density/divergences';
import { parseMixture, pdf } from '../../src/lib/density/mixture';
import { defaults } from '../../src/lib/params';
import { createModel as createGan2d, specs as gan2dSpecs } from '../../src/widgets/gan-2d/model';

/** D's cross-entropy -E_p log D - E_q log(1 - D) by the trapezoid rule on [a, b]. */
function crossEntropy(p: (x: number) => number, q: (x: number) => number, d: (x: number) => number, a = -12, b = 14, n = 200_000) {
  const h = (b - a) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = a + i * h;
    const w = i === 0 || i === n ? 0.5 : 1;
    const px = p(x);
    const qx = q(x);
    const dx = d(x);
    if (px > 0) s -= w * px * Math.log(dx);
    if (qx > 0) s -= w * qx * Math.log(1 - dx);
  }
  return s * h;
}

describe('jsLowerBound', () => {
  const P = parseMixture('N(0, 1)');
  const Q = parseMixture('0.5 N(1.5, 0.7) + 0.5 N(-2, 1)');
  const p = (x: number) => pdf(P, x);
  const q = (x: number) => pdf(Q, x);
  const exact = jsd(P, Q);

  it('equals JS(p, q) when D is the optimal discriminator D* = p / (p + q)', () => {
    expect(exact).toBeGreaterThan(0.05);
    const dStar = (x: number) => Math.min(1 - 1e-300, Math.max(1e-300, p(x) / (p(x) + q(x))));
    expect(jsLowerBound(crossEntropy(p, q, dStar))).toBeCloseTo(exact, 5);
  });

  it('stays below JS(p, q) for other discriminators, and is 0 for D = 1/2', () => {
    expect(jsLowerBound(crossEntropy(p, q, () => 0.5))).toBeCloseTo(0, 10);
    const sloppy = (x: number) => 1 / (1 + Math.exp(-(0.5 - 0.8 * x)));
    expect(jsLowerBound(crossEntropy(p, q, sloppy))).toBeLessThan(exact);
    // never above log 2, the JS of distributions with disjoint supports
    expect(jsLowerBound(0)).toBe(Math.LN2);
  });
});

describe('gan-2d: the js_bound readout', () => {
  beforeAll(async () => {
    await startTf();
  });

  it('is log 2 - d_loss_eval / 2, and rises toward log 2 while D alone learns to separate data from the untrained G', async () => {
    const m = createGan2d(defaults(gan2dSpecs));
    const at0 = m.metrics();
    expect(at0.js_bound).toBeCloseTo(Math.LN2 - Number(at0.d_loss_eval) / 2, 12);
    for (let i = 0; i < 300; i++) await m.command!('step-d', undefined);
    const e = m.evaluate();
    const bound = Math.LN2 - e.d_loss_eval / 2;
    console.log('js_bound at step 0', at0.js_bound, 'after 300 D updates', bound, 'high quality', e.high_quality);
    // the untrained G's samples hardly reach the ring (under 5 % high quality): JS is near log 2,
    // and a D trained against them brings the bound close to it
    expect(e.high_quality).toBeLessThan(5);
    expect(bound).toBeGreaterThan(0.55);
    expect(bound).toBeLessThanOrEqual(Math.LN2 + 0.01);
    m.dispose();
  }, 120_000);

  it('is not given for a WGAN critic (its loss is not a cross-entropy)', () => {
    const m = createGan2d({ ...defaults(gan2dSpecs), loss: 'wgan-gp' });
    m.step();
    expect('js_bound' in m.metrics()).toBe(false);
    m.dispose();
  });
});
