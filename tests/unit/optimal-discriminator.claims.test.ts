/**
 * Chapter 4's optimal-discriminator widget: Proposition 1 and C(G) = -log 4 + 2 JSD checked on
 * the model the page runs, and the numbers the chapter quotes (step budgets) measured here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import {
  createModel as createOptimalDiscriminator,
  specs as optimalDiscriminatorSpecs,
  OPTD_PRESETS,
  simpsonRule,
  gapMask,
  scheduledLr,
} from '../../src/widgets/optimal-discriminator/model';
import { defaults, parseValue, type NumberSpec, type TextSpec } from '../../src/lib/params';
import { jsd, optimalD } from '../../src/lib/density/divergences';
import { breakpoints, parseMixture, pdf, support } from '../../src/lib/density/mixture';
import { Rng } from '../../src/lib/rng';
import { stepToTargets } from './helpers/optimal-discriminator-pairs';

/** Steps the chapter quotes: D reaches max_gap < 0.05 and |value - value_optimal| < 0.01 within these (measured: 50, 50, 100, 50, 500). */
const BUDGETS: Record<string, number> = { overlap: 50, far: 50, mixture_uniform: 100, identical: 50, bimodal_vs_one: 500 };

const settings = (pair: string, extra: Record<string, number | string> = {}) => ({
  ...defaults(optimalDiscriminatorSpecs),
  pdata: OPTD_PRESETS[pair].pdata,
  pg: OPTD_PRESETS[pair].pg,
  ...extra,
});

/** V(D, G) for an arbitrary D by the same quadrature the model uses. */
function valueOf(pd: string, pg: string, D: (x: number) => number): number {
  const a = parseMixture(pd);
  const b = parseMixture(pg);
  const [lo, hi] = support([a, b], 0.05);
  const { x, w } = simpsonRule(lo, hi, breakpoints([a, b]), 6000);
  let v = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.min(1 - 1e-15, Math.max(1e-15, D(x[i])));
    const p = pdf(a, x[i]);
    const q = pdf(b, x[i]);
    if (p > 0) v += w[i] * p * Math.log(d);
    if (q > 0) v += w[i] * q * Math.log(1 - d);
  }
  return v;
}

describe('optimal discriminator: closed forms', () => {
  it('D* = p_data / (p_data + p_g) pointwise, and 1/2 where both vanish', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 200; i++) {
      const a = rng.next() * 3;
      const b = rng.next() * 3;
      expect(optimalD(a, b)).toBeCloseTo(a / (a + b), 12);
    }
    expect(optimalD(0, 0)).toBe(0.5);
    expect(optimalD(1, 0)).toBe(1);
    expect(optimalD(0, 2)).toBe(0);
  });

  it('a log y + b log(1 - y) is maximised at y = a / (a + b)', () => {
    for (const [a, b] of [[1, 1], [0.2, 3], [5, 0.01], [0.7, 0.3]]) {
      const f = (y: number) => a * Math.log(y) + b * Math.log(1 - y);
      const ys = a / (a + b);
      for (const dy of [-1e-3, 1e-3, -0.05, 0.05]) {
        const y = ys + dy;
        if (y > 0 && y < 1) expect(f(y)).toBeLessThan(f(ys));
      }
    }
  });

  it('JSD is 0 for identical pairs and log 2 for disjoint supports', () => {
    const id = OPTD_PRESETS.identical;
    expect(jsd(parseMixture(id.pdata), parseMixture(id.pg))).toBeLessThan(1e-9);
    expect(jsd(parseMixture('U(0, 1)'), parseMixture('U(2, 3)'))).toBeCloseTo(Math.LN2, 7);
    expect(jsd(parseMixture('0.5 U(-3, -2) + 0.5 U(4, 5)'), parseMixture('U(-1, 3)'))).toBeCloseTo(Math.LN2, 7);
  });

  it('V(D*, G) = -log 4 + 2 JSD, and any other D does worse (Proposition 1)', () => {
    for (const key of Object.keys(OPTD_PRESETS)) {
      const { pdata, pg } = OPTD_PRESETS[key];
      const a = parseMixture(pdata);
      const b = parseMixture(pg);
      const c = -Math.log(4) + 2 * jsd(a, b);
      const vStar = valueOf(pdata, pg, (x) => optimalD(pdf(a, x), pdf(b, x)));
      expect(vStar, key).toBeCloseTo(c, 4);
      // Perturb D* (a tilt, and a constant 1/2): the value drops.
      const tilt = valueOf(pdata, pg, (x) => 0.8 * optimalD(pdf(a, x), pdf(b, x)) + 0.15);
      expect(tilt, key).toBeLessThan(c - 1e-4);
      if (key !== 'identical') expect(valueOf(pdata, pg, () => 0.5), key).toBeLessThan(c - 1e-3);
      else expect(valueOf(pdata, pg, () => 0.5)).toBeCloseTo(-Math.log(4), 6);
    }
  });
});

describe('optimal discriminator: the model', () => {
  beforeAll(async () => {
    await startTf();
  });

  it('rejects bad learning rates and bad densities', () => {
    const lr = optimalDiscriminatorSpecs.find((s) => s.name === 'lr') as NumberSpec;
    for (const bad of ['0', '-1', '1e9', 'abc', '']) expect(parseValue(lr, bad).ok, bad).toBe(false);
    expect(parseValue(lr, '0.01').ok).toBe(true);
    const pd = optimalDiscriminatorSpecs.find((s) => s.name === 'pdata') as TextSpec;
    const r = parseValue(pd, '0.5 N(0, 1) + Q(1, 2)');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/cannot read "Q\(1, 2\)"/);
    expect(parseValue(pd, 'N(0, 0)').ok).toBe(false);
    expect(parseValue(pd, 'U(2, 1)').ok).toBe(false);
  });

  it('reports the closed-form JSD and C(G) at step 0, and D* on its grid', () => {
    const m = createOptimalDiscriminator(settings('far'));
    const mt = m.metrics();
    expect(Number(mt.jsd)).toBeCloseTo(Math.LN2, 6);
    expect(Number(mt.value_optimal)).toBeCloseTo(0, 5);
    const v = m.view();
    for (let i = 0; i < v.xs.length; i += 37) {
      expect(v.dstar[i]).toBeCloseTo(optimalD(pdf(m.pData, v.xs[i]), pdf(m.pG, v.xs[i])), 5);
    }
    m.dispose();
  });

  for (const pair of Object.keys(BUDGETS)) {
    it(`${pair}: D reaches max_gap < 0.05 and |V - C(G)| < 0.01 within ${BUDGETS[pair]} steps`, () => {
      const m = createOptimalDiscriminator(settings(pair));
      // C(G) is the maximum of V over all discriminators.
      const reached = stepToTargets(m, BUDGETS[pair], (_, __, dv) => expect(dv).toBeGreaterThanOrEqual(-1e-6));
      console.log(`${pair}: targets reached at step ${reached}`);
      expect(reached, `${pair} did not reach the targets`).toBeGreaterThan(0);
      m.dispose();
    });
  }

  it('two modes vs one with independent draws: at step 2,000 V is within 0.01 of C(G) but max_gap is back up at 0.14, off the bulk', () => {
    const m = createOptimalDiscriminator(settings('bimodal_vs_one', { sampling: 'iid' }));
    const reached = stepToTargets(m, 2000);
    for (let s = reached < 0 ? 2000 : reached; s < 2000; s++) m.step();
    // The targets first hold at step 1,400, later than with stratified draws (500).
    expect(reached).toBeGreaterThan(BUDGETS.bimodal_vs_one);
    expect(reached).toBeLessThanOrEqual(1400);
    const mt = m.metrics();
    console.log(`bimodal_vs_one, independent draws: targets first at step ${reached}; at 2,000 steps`, mt);
    // measured: C - V 0.0044, max_gap 0.143 (it was under 0.05 at step 1,400 and jumped back up)
    expect(Number(mt.value_optimal) - Number(mt.value)).toBeLessThan(0.01);
    expect(Number(mt.max_gap)).toBeGreaterThan(0.12);
    expect(Number(mt.max_gap)).toBeLessThan(0.16);
    const v = m.view();
    let gi = -1;
    let peak = 0;
    for (let i = 0; i < v.xs.length; i++) {
      peak = Math.max(peak, v.pdata[i] + v.pg[i]);
      if (v.mask[i] && (gi < 0 || Math.abs(v.d[i] - v.dstar[i]) > Math.abs(v.d[gi] - v.dstar[gi]))) gi = i;
    }
    // Off the bulk, in the left tail: both densities together a few percent of their peak there
    // (measured: x = -3.34, 0.057 of the peak).
    console.log(`largest gap at x = ${v.xs[gi].toFixed(2)}, density ${((v.pdata[gi] + v.pg[gi]) / peak).toFixed(3)} of the peak`);
    expect(v.xs[gi]).toBeGreaterThan(-3.5);
    expect(v.xs[gi]).toBeLessThan(-3.2);
    expect(v.pdata[gi] + v.pg[gi]).toBeGreaterThan(0.04 * peak);
    expect(v.pdata[gi] + v.pg[gi]).toBeLessThan(0.08 * peak);
    m.dispose();
  });

  it('two modes vs one with the decaying schedule reaches the targets, later than at a constant rate (step 900)', () => {
    const m = createOptimalDiscriminator(settings('bimodal_vs_one', { schedule: 'decay' }));
    const reached = stepToTargets(m, 3000);
    m.dispose();
    console.log(`bimodal_vs_one, decaying rate: targets reached at step ${reached}`);
    expect(reached).toBeGreaterThan(BUDGETS.bimodal_vs_one);
    expect(reached).toBeLessThanOrEqual(900);
  });

  it('a narrow component: after 100 steps the multi-scale start is far ahead of a Glorot start, which reaches the targets later', () => {
    const run = (init: string) => {
      const m = createOptimalDiscriminator({ ...defaults(optimalDiscriminatorSpecs), pdata: '0.5 N(-1, 0.05) + 0.5 N(1, 2)', pg: 'N(0, 1)', init });
      let at100 = { gap: NaN, dv: NaN };
      const reached = stepToTargets(m, 2000, (step, gap, dv) => {
        if (step === 100) at100 = { gap, dv };
      });
      m.dispose();
      return { ...at100, reached };
    };
    const ms = run('multiscale');
    const gl = run('glorot');
    console.log('narrow pair at 100 steps: multiscale', ms, 'glorot', gl);
    // measured: multiscale 0.190 / 0.0068, targets at step 450; Glorot 0.538 / 0.167, targets at step 800
    // the chapter quotes 0.19 / 0.007 against 0.54 / 0.17
    expect(ms.gap).toBeGreaterThan(0.17);
    expect(ms.gap).toBeLessThan(0.21);
    expect(ms.dv).toBeGreaterThan(0.005);
    expect(ms.dv).toBeLessThan(0.009);
    expect(gl.gap).toBeGreaterThan(0.52);
    expect(gl.gap).toBeLessThan(0.56);
    expect(gl.dv).toBeGreaterThan(0.15);
    expect(gl.dv).toBeLessThan(0.19);
    expect(ms.reached).toBeGreaterThan(0);
    expect(ms.reached).toBeLessThanOrEqual(450);
    expect(gl.reached).toBeGreaterThan(ms.reached);
    expect(gl.reached).toBeLessThanOrEqual(800);
  });

  it('max_gap counts the smallest region holding 99% of the mass, less a band at each density jump', () => {
    const a = parseMixture('0.5 N(0, 0.05) + 0.5 U(-5, 5)');
    const b = parseMixture('N(0, 3)');
    const xs = Array.from({ length: 4001 }, (_, i) => -10 + (20 * i) / 4000);
    const pd = xs.map((x) => pdf(a, x));
    const pg = xs.map((x) => pdf(b, x));
    const mask = gapMask(xs, pd, pg, [-5, 5], 0.1);
    let kept = 0;
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const m = 0.5 * (pd[i] + pg[i]) * 0.005;
      total += m;
      if (mask[i]) kept += m;
    }
    // 99% of the mass, minus what the two bands hold (0.2 of width at density about 0.05 each side)
    expect(kept / total).toBeGreaterThan(0.96);
    expect(kept / total).toBeLessThan(0.991);
    // The wide uniform counts, though its density is below 1% of the narrow peak (about 4).
    const at = (x: number) => mask[Math.round(((x + 10) / 20) * 4000)];
    expect(at(3)).toBe(1);
    expect(at(-4)).toBe(1);
    // Bands at the jumps, and the far tails, do not.
    expect(at(5)).toBe(0);
    expect(at(-5.05)).toBe(0);
    expect(at(9.5)).toBe(0);
  });

  it('the learning rate decays as lr / (1 + t / 300), never below lr / 20, unless constant', () => {
    expect(scheduledLr(0.005, 0, 'decay')).toBeCloseTo(0.005, 12);
    expect(scheduledLr(0.005, 300, 'decay')).toBeCloseTo(0.0025, 12);
    expect(scheduledLr(0.005, 100000, 'decay')).toBeCloseTo(0.00025, 12);
    expect(scheduledLr(0.005, 5000, 'constant')).toBe(0.005);
  });

  it('trained on the exact expected loss by quadrature, D reaches the targets on the default pair', () => {
    const m = createOptimalDiscriminator(settings('mixture_uniform', { training: 'quadrature' }));
    const reached = stepToTargets(m, 1000);
    console.log(`mixture_uniform by quadrature: targets reached at step ${reached}`);
    expect(reached).toBeGreaterThan(0);
    // the history records max_gap for the widget's chart
    const h = m.view().history;
    expect(h.length).toBeGreaterThan(1);
    expect(h[h.length - 1].maxGap).toBeLessThan(0.05);
    m.dispose();
  });

  it('keeps the tensor count flat over a few steps (minibatch and quadrature)', () => {
    for (const training of ['minibatch', 'quadrature']) {
      const before = tf.memory().numTensors;
      const m = createOptimalDiscriminator(settings('overlap', { batch: 16, training }));
      m.step();
      m.metrics();
      m.view();
      const after1 = tf.memory().numTensors;
      for (let i = 0; i < 30; i++) m.step();
      m.metrics();
      m.view();
      expect(tf.memory().numTensors).toBe(after1);
      m.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
