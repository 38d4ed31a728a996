import { describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { createModel as createGan2d, specs as gan2dSpecs, gan2dSpecsFor, GAN2D_PRESETS, type Gan2dView } from '../../src/widgets/gan-2d/model';
import { makeTarget, modeStats, sampleTarget, drawnError } from '../../src/widgets/gan-2d/data';
import { meanKernel, medianDistance, mmdRbf } from '../../src/lib/mmd';
import { defaults, parseValue, type NumberSpec } from '../../src/lib/params';
import { Rng } from '../../src/lib/rng';

const base = () => defaults(gan2dSpecs);
/** A small configuration for the long hygiene runs (the loss code paths are the same). */
const tiny = { g_units: 4, d_units: 4, g_layers: 1, d_layers: 1, batch: 8, n_critic: 1 };

describe('gan-2d metrics on known point sets', () => {
  it('modes_covered and high_quality', () => {
    const modes = [0, 0, 2, 0, 0, 2];
    // one point on each of the first two modes, one far away
    const pts = [0.01, 0, 2, 0.1, 5, 5];
    const s = modeStats(pts, modes, 0.05);
    expect(s.modesCovered).toBe(2);
    expect(s.highQuality).toBeCloseTo(200 / 3, 10);
    // 0.16 from a centre is beyond 3 sigma = 0.15
    expect(modeStats([0.16, 0], modes, 0.05)).toEqual({ modesCovered: 0, highQuality: 0 });
    expect(modeStats([0.149, 0], modes, 0.05)).toEqual({ modesCovered: 1, highQuality: 100 });
    // samples of the ring itself: all 8 modes, and about 98.9% within 3 sigma (chi-square, 2 dof: 1 - e^{-4.5})
    const ring = makeTarget('ring8');
    const real = sampleTarget(ring, new Rng(2), 4000);
    const r = modeStats(real, ring.modes, ring.sigma);
    expect(r.modesCovered).toBe(8);
    expect(r.highQuality).toBeGreaterThan(98.3);
    expect(r.highQuality).toBeLessThan(99.5);
  });

  it('a mode is covered only with a fifth of its fair share of high-quality samples (63 of 2,500 on the ring of 8)', () => {
    const ring = makeTarget('ring8');
    const at = (k: number, n: number) => Array.from({ length: n }, () => [ring.modes[2 * k], ring.modes[2 * k + 1]]).flat();
    const far = (n: number) => Array.from({ length: 2 * n }, () => 50);
    // 2,500 samples: 62 on mode 0 is not enough, 63 on mode 1 is
    const pts = [...at(0, 62), ...at(1, 63), ...far(2500 - 125)];
    const s = modeStats(pts, ring.modes, ring.sigma);
    expect(s.modesCovered).toBe(1);
    expect(s.highQuality).toBeCloseTo(100 * 125 / 2500, 10);
    // a diffuse cloud that meets every mode a few times covers none of them
    const cloud = [...Array.from({ length: 8 }, (_, k) => at(k, 5)).flat(), ...far(2500 - 40)];
    expect(modeStats(cloud, ring.modes, ring.sigma).modesCovered).toBe(0);
    // ... which the VEEGAN / PacGAN count (one sample is enough) would call all eight
    expect(modeStats(cloud, ring.modes, ring.sigma, 0).modesCovered).toBe(8);
    // the real ring itself: all eight
    expect(modeStats(sampleTarget(ring, new Rng(3), 2500), ring.modes, ring.sigma).modesCovered).toBe(8);
  });

  it('mmd: zero for identical sets, closed form for one point each, grows with a shift', () => {
    const x = sampleTarget(makeTarget('grid25'), new Rng(4), 300);
    expect(mmdRbf(x, x)).toBeCloseTo(0, 12);
    // one point each at distance d with bandwidth h: 2 - 2 exp(-d^2 / 2h^2)
    expect(mmdRbf([0, 0], [3, 4], 2)).toBeCloseTo(2 - 2 * Math.exp(-25 / 8), 12);
    const shifted = (d: number) => x.map((v, i) => (i % 2 === 0 ? v + d : v));
    const h = medianDistance(x);
    const m1 = mmdRbf(x, shifted(0.2), h);
    const m2 = mmdRbf(x, shifted(1), h);
    expect(m1).toBeGreaterThan(0);
    expect(m2).toBeGreaterThan(m1);
    // mean kernel of a set with itself: diagonal included
    expect(meanKernel([0, 0, 0, 0], [0, 0, 0, 0], 1, true)).toBeCloseTo(1, 12);
    // median of the three pairwise distances of a 3-4-5 triangle is 4
    expect(medianDistance([0, 0, 3, 0, 0, 4])).toBe(4);
  });

  it('drawn points are validated', () => {
    expect(drawnError('0 0; 1 1.5')).toBeNull();
    expect(drawnError('0 0; 1')).toMatch(/not a point/);
    expect(drawnError('9 0')).toMatch(/outside the plane/);
    const t = makeTarget('custom', '0 0; 1 1');
    expect(t.modes.length).toBe(4);
    expect(() => makeTarget('custom', '')).toThrow(/Draw some points/);
  });
});

describe('gan-2d settings', () => {
  it('learning rates reject 0, -1, 1e9 and abc', () => {
    for (const name of ['g_lr', 'd_lr']) {
      const spec = gan2dSpecs.find((s) => s.name === name) as NumberSpec;
      for (const bad of ['0', '-1', '1e9', 'abc']) expect(parseValue(spec, bad).ok).toBe(false);
      expect(parseValue(spec, '0.0005').ok).toBe(true);
    }
  });
  it('presets are valid settings', () => {
    for (const p of Object.keys(GAN2D_PRESETS)) {
      const specs = gan2dSpecsFor(p);
      for (const s of specs) expect(parseValue(s, String(s.default)).ok).toBe(true);
    }
    expect(() => gan2dSpecsFor('nope')).toThrow(/unknown/);
  });
});

describe('gan-2d training', () => {
  it('ring of 8 Gaussians, default settings, seed 1: modes covered 0, 0, 0, 5, 6, 7 every 250 steps to 1,500, and over half the samples high quality', async () => {
    await startTf();
    const m = createGan2d(base());
    const start = m.evaluate();
    const covered: number[] = [];
    for (let i = 1; i <= 1500; i++) {
      m.step();
      if (i % 250 === 0) covered.push(m.evaluate().modes_covered);
    }
    const e = m.evaluate();
    console.log('gan-2d default ring8: start', start, 'after 1500', e, 'modes every 250 steps', covered);
    expect(start.high_quality).toBeLessThan(5);
    // chapter 4 (7 of 8 modes after 1,500 steps) and chapter 5 (the default: 0, 0, 0, 5 at
    // steps 250-1,000); a mode counts once it holds a fifth of its share of the samples
    expect(covered).toEqual([0, 0, 0, 5, 6, 7]);
    expect(e.modes_covered).toBe(7);
    expect(e.high_quality).toBeGreaterThan(50);
    expect(e.mmd).toBeLessThan(start.mmd / 10);
    m.dispose();
  }, 400_000);

  // Chapter 5's mode-collapse demo: each preset changes exactly one setting from the playground's
  // default; modes_covered measured at steps 250, 500, 750 and 1,000 (seed 1).
  const COLLAPSE: Record<string, { change: Record<string, unknown>; covered: number[] }> = {
    'mode-collapse': { change: { noise_dim: '1' }, covered: [0, 0, 0, 0] },
    'collapse-minimax': { change: { loss: 'minimax' }, covered: [0, 0, 0, 4] },
    'collapse-g-lr': { change: { g_lr: 0.005 }, covered: [0, 0, 1, 0] },
  };
  it('the mode-collapse presets each change exactly one setting from the default', () => {
    const base = defaults(gan2dSpecs);
    for (const [preset, { change }] of Object.entries(COLLAPSE)) {
      const v = defaults(gan2dSpecsFor(preset));
      const changed = Object.keys(v).filter((k) => v[k] !== base[k]);
      expect(changed, preset).toEqual(Object.keys(change));
      for (const k of changed) expect(v[k], preset).toBe(change[k]);
    }
  });
  for (const [preset, { covered }] of Object.entries(COLLAPSE)) {
    it(`${preset} preset, seed 1: modes_covered ${covered.join(', ')} at steps 250, 500, 750, 1,000`, async () => {
      await startTf();
      const m = createGan2d(defaults(gan2dSpecsFor(preset)));
      const checks: number[] = [];
      const hq: number[] = [];
      for (let i = 1; i <= 1000; i++) {
        m.step();
        if (i % 250 === 0) {
          const e = m.evaluate();
          checks.push(e.modes_covered);
          hq.push(e.high_quality);
        }
      }
      console.log(`${preset}: modes_covered every 250 steps`, checks, 'high_quality', hq);
      expect(checks).toEqual(covered);
      // chapter 5: with the 1-D noise no generated sample comes within 3 sd of any mode
      if (preset === 'mode-collapse') expect(hq).toEqual([0, 0, 0, 0]);
      m.dispose();
    });
  }

  it('wgan-vs-gan preset, seed 1: the critic loss climbs toward 0 as the samples improve; the GAN D loss stays near 2 log 2', async () => {
    await startTf();
    const m = createGan2d(defaults(gan2dSpecsFor('wgan-vs-gan')));
    expect(m.cores.map((c) => c.loss)).toEqual(['nonsat', 'wgan-clip']);
    // same seed, same initial generator
    expect(Array.from(m.cores[0].G.getWeights()[0])).toEqual(Array.from(m.cores[1].G.getWeights()[0]));
    const at: Record<number, { gan: ReturnType<typeof m.evaluate>; wgan: ReturnType<typeof m.evaluate> }> = {};
    for (let i = 1; i <= 600; i++) {
      m.step();
      if (i === 50 || i === 300 || i === 600) at[i] = { gan: m.evaluate(0), wgan: m.evaluate(1) };
    }
    console.log('wgan-vs-gan', JSON.stringify(at));
    const w = [50, 300, 600].map((i) => at[i].wgan);
    const g = [50, 300, 600].map((i) => at[i].gan);
    // the numbers the chapter quotes: critic loss on the evaluation sets (minus the W estimate)
    // about -0.11, -0.049, -0.012 at steps 50, 300, 600 ...
    expect(Math.abs(w[0].d_loss_eval - -0.11)).toBeLessThan(0.005);
    expect(Math.abs(w[1].d_loss_eval - -0.049)).toBeLessThan(0.002);
    expect(Math.abs(w[2].d_loss_eval - -0.012)).toBeLessThan(0.001);
    // ... while its MMD^2 falls from 0.021 to 0.0014
    expect(Math.abs(w[0].mmd - 0.021)).toBeLessThan(0.0005);
    expect(Math.abs(w[2].mmd - 0.0014)).toBeLessThan(0.00005);
    // the GAN: MMD^2 from 0.027 to 0.0017, D loss between 1.25 and 1.33 (near 2 log 2 = 1.386)
    for (const e of g) {
      expect(e.d_loss_eval).toBeGreaterThanOrEqual(1.25);
      expect(e.d_loss_eval).toBeLessThanOrEqual(1.335);
    }
    expect(Math.abs(g[0].mmd - 0.027)).toBeLessThan(0.0005);
    expect(Math.abs(g[2].mmd - 0.0017)).toBeLessThan(0.00005);
    m.dispose();
  }, 400_000);

  it('least squares (LSGAN), otherwise default settings, seed 1: 5 of 8 modes covered after 1,500 steps (0, 0, 0, 2, 3, 5 every 250), MMD² under a tenth of its start', async () => {
    await startTf();
    const m = createGan2d({ ...base(), loss: 'lsgan' });
    const start = m.evaluate();
    const covered: number[] = [];
    for (let i = 1; i <= 1500; i++) {
      m.step();
      if (i % 250 === 0) {
        expect(Number.isFinite(m.cores[0].dLoss) && Number.isFinite(m.cores[0].gLoss)).toBe(true);
        covered.push(m.evaluate().modes_covered);
      }
    }
    const e = m.evaluate();
    console.log('gan-2d lsgan ring8: start', start, 'after 1500', e, 'modes every 250 steps', covered);
    expect(covered).toEqual([0, 0, 0, 2, 3, 5]);
    expect(e.mmd).toBeLessThan(start.mmd / 10);
    m.dispose();
  }, 400_000);

  for (const loss of ['wgan-gp', 'wgan-clip'] as const) {
    it(`${loss} trains without NaN and lowers the MMD`, async () => {
      await startTf();
      const preset = GAN2D_PRESETS[loss];
      const m = createGan2d({ ...base(), ...preset });
      const start = m.evaluate();
      for (let i = 0; i < 150; i++) {
        m.step();
        expect(Number.isFinite(m.cores[0].dLoss) && Number.isFinite(m.cores[0].gLoss)).toBe(true);
      }
      const e = m.evaluate();
      console.log(`${loss}: start`, start, 'after 150', e, 'critic loss', m.cores[0].dLoss);
      expect(Number.isFinite(e.mmd)).toBe(true);
      expect(e.mmd).toBeLessThan(start.mmd / 2);
      m.dispose();
    });
  }

  for (const loss of ['minimax', 'nonsat', 'lsgan', 'wgan-clip', 'wgan-gp']) {
    it(`tensor count stays flat over a few steps (${loss}), views and commands included`, async () => {
      await startTf();
      const m = createGan2d({ ...base(), ...tiny, loss });
      m.step();
      m.view();
      const afterFirst = tf.memory().numTensors;
      for (let i = 0; i < 5; i++) m.step();
      await m.command!('step-d', null);
      await m.command!('step-g', null);
      for (let i = 0; i < 6; i++) await m.command!('stage', null);
      const v = m.view() as Gan2dView;
      expect(v.cores.length).toBe(1);
      expect(tf.memory().numTensors).toBe(afterFirst);
      m.dispose();
    });
  }

  it('side-by-side: tensor count flat over 100 steps with both models', async () => {
    await startTf();
    const m = createGan2d({ ...base(), ...tiny, compare: true });
    m.step();
    m.view();
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) m.step();
    await m.command!('stage', null);
    const v = m.view() as Gan2dView;
    expect(v.cores.map((c) => c.loss)).toEqual(['nonsat', 'wgan-gp']);
    expect(tf.memory().numTensors).toBe(afterFirst);
    m.dispose();
  });

  it('the view has the heat map, the manifold, arrows and a history', async () => {
    await startTf();
    const m = createGan2d({ ...base(), ...tiny, noise_dim: '1' });
    for (let i = 0; i < 5; i++) m.step();
    const v = m.view() as Gan2dView;
    const c = v.cores[0];
    expect(c.heat.length).toBe(v.heatN * v.heatN);
    expect(c.heatMin).toBe(0);
    expect(c.heatMax).toBe(1);
    expect(c.manifoldLines).toEqual([161]);
    expect(c.manifold.length).toBe(2 * 161);
    expect(c.arrows.length).toBe(4 * 120);
    expect(c.history.step.length).toBe(1);
    expect(v.real.length).toBe(1200);
    m.dispose();
  });
});
