import { describe, expect, it } from 'vitest';
import { createModel as createKlFit, KL_PRESETS, KlTarget, specs as klFitSpecs, logPdf } from '../../src/widgets/kl-fit/model';
import { defaults, parseValue } from '../../src/lib/params';
import { kl, jsd } from '../../src/lib/density/divergences';
import { parseMixture } from '../../src/lib/density/mixture';
import { train } from '../../src/lib/model';

const run = (over: Record<string, number | string>, steps = 200) => {
  const m = createKlFit({ ...defaults(klFitSpecs), ...over });
  train(m, steps, ['kl_forward', 'kl_reverse']);
  return m;
};

describe('kl-fit: forward and reverse KL fits of one Gaussian', () => {
  it('the closed-form forward KL agrees with the quadrature KL of the density library', () => {
    const t = new KlTarget(KL_PRESETS.unequal);
    const q = { mu: 0.7, sigma: 1.9 };
    const ref = kl(parseMixture(KL_PRESETS.unequal), parseMixture(`N(${q.mu}, ${q.sigma})`));
    expect(t.forwardKl(q)).toBeCloseTo(ref, 4);
    const refRev = kl(parseMixture(`N(${q.mu}, ${q.sigma})`), parseMixture(KL_PRESETS.unequal));
    expect(t.reverseKl(q)).toBeCloseTo(refRev, 3);
  });

  it('the analytic gradients match finite differences', () => {
    const t = new KlTarget('0.6 N(-2, 0.7) + 0.3 N(1.5, 1.2) + 0.1 U(0, 4)');
    const q = { mu: 0.3, sigma: 1.4 };
    const h = 1e-4;
    const fd = (f: (q: { mu: number; sigma: number }) => number) => [
      (f({ mu: q.mu + h, sigma: q.sigma }) - f({ mu: q.mu - h, sigma: q.sigma })) / (2 * h),
      (f({ mu: q.mu, sigma: q.sigma * Math.exp(h) }) - f({ mu: q.mu, sigma: q.sigma * Math.exp(-h) })) / (2 * h),
    ];
    const gf = t.forwardGrad(q);
    const nf = fd((g) => t.forwardKl(g));
    expect(gf[0]).toBeCloseTo(nf[0], 4);
    expect(gf[1]).toBeCloseTo(nf[1], 4);
    const gr = t.reverseGrad(q);
    const nr = fd((g) => t.reverseKl(g));
    expect(gr[0]).toBeCloseTo(nr[0], 3);
    expect(gr[1]).toBeCloseTo(nr[1], 3);
  });

  it('forward KL converges to moment matching (mean and sd within 1%)', () => {
    for (const [target, init_mu, init_sigma] of [
      [KL_PRESETS.separated, 0.5, 1],
      [KL_PRESETS.unequal, 2, 0.5],
      ['0.3 N(-2, 0.5) + 0.7 U(1, 3)', -4, 3],
    ] as const) {
      const m = run({ target, init_mu, init_sigma });
      const sd = Math.sqrt(m.target.variance);
      expect(Math.abs(m.forward().mu - m.target.mean)).toBeLessThan(0.01 * sd);
      expect(Math.abs(m.forward().sigma - sd)).toBeLessThan(0.01 * sd);
    }
    // The default: mean 0, sd sqrt(9 + 0.64) = 3.105.
    const d = run({});
    expect(d.forward().sigma).toBeCloseTo(3.105, 2);
  });

  it('reverse KL on a well-separated mixture settles on one component', () => {
    const m = run({});
    // Default start mu = 0.5: the fit goes to the component at +3 and takes its width 0.8.
    expect(Math.abs(m.reverse().mu - 3)).toBeLessThan(0.01);
    expect(Math.abs(m.reverse().sigma - 0.8)).toBeLessThan(0.01);
    // Reverse KL there is -log(1/2): q covers one half of p's mass.
    expect(Number(m.metrics().kl_reverse)).toBeCloseTo(Math.LN2, 2);
    expect(Number(m.metrics().kl_forward)).toBeCloseTo(0.663, 2);
    const left = run({ init_mu: -0.5 });
    expect(Math.abs(left.reverse().mu + 3)).toBeLessThan(0.01);
  });

  it('the central start: stuck at mu = 0 on a symmetric target, a local minimum on an unequal one', () => {
    const c = run({ init_mu: 0 });
    expect(Math.abs(c.reverse().mu)).toBeLessThan(1e-9);
    expect(c.reverse().sigma).toBeCloseTo(2.63, 2);
    expect(Number(c.metrics().kl_reverse)).toBeCloseTo(1.575, 2);
    // Unequal weights 0.7 / 0.3: from mu = 2 the fit settles on the light component (KL = -log 0.3),
    // from mu = 0.5 on the heavy one (KL = -log 0.7), the global minimum.
    const local = run({ target: KL_PRESETS.unequal, init_mu: 2 });
    expect(Math.abs(local.reverse().mu - 3)).toBeLessThan(0.01);
    expect(Number(local.metrics().kl_reverse)).toBeCloseTo(-Math.log(0.3), 2);
    const global = run({ target: KL_PRESETS.unequal, init_mu: 0.5 });
    expect(Math.abs(global.reverse().mu + 3)).toBeLessThan(0.01);
    expect(Number(global.metrics().kl_reverse)).toBeCloseTo(-Math.log(0.7), 2);
  });

  it('views are finite and the log-density handles zero-density regions', () => {
    const m = run({ target: '0.5 N(0, 1) + 0.5 U(2, 4)' }, 30);
    const v = m.view() as { profileKl: Float32Array; reverse: Float32Array };
    expect(v.reverse.every(Number.isFinite)).toBe(true);
    expect(logPdf(parseMixture('U(0, 1)'), 2)).toBe(-Infinity);
    expect(jsd(parseMixture('N(0,1)'), parseMixture('N(0,1)'))).toBeLessThan(1e-9);
  });

  it('rejects bad settings with messages', () => {
    const spec = (n: string) => klFitSpecs.find((s) => s.name === n)!;
    for (const bad of ['0', '-1', '1e9', 'abc']) expect(parseValue(spec('lr'), bad).ok).toBe(false);
    const t = parseValue(spec('target'), 'U(0, 1)');
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error).toMatch(/positive everywhere/);
    expect(parseValue(spec('target'), 'N(0, -1)').ok).toBe(false);
    expect(parseValue(spec('init_sigma'), '0').ok).toBe(false);
  });
});

describe('kl-fit: the numbers the chapter quotes', () => {
  it('KL between N(0,1) and N(0,4) in both orders', () => {
    expect(kl(parseMixture('N(0, 1)'), parseMixture('N(0, 2)'))).toBeCloseTo(0.318, 3);
    expect(kl(parseMixture('N(0, 2)'), parseMixture('N(0, 1)'))).toBeCloseTo(0.807, 3);
  });

  it('the centre: a ridge for a narrow q, a shallow valley (local minimum) for the wide q it settles to', () => {
    const t = new KlTarget(KL_PRESETS.separated);
    const at = (mu: number, sigma: number) => t.reverseKl({ mu, sigma });
    // sigma = 1: moving off the centre lowers the reverse KL (a ridge).
    expect(at(0.05, 1)).toBeLessThan(at(0, 1));
    // sigma = 2.63: moving off the centre raises it (a valley); the bump is still far better.
    expect(at(0.05, 2.6305)).toBeGreaterThan(at(0, 2.6305));
    expect(at(1, 2.6305)).toBeGreaterThan(at(0, 2.6305));
    // Starts at 0.2 (sigma 1) and 0.5 (sigma 3) are trapped there; 0.5 with sigma 1 escapes.
    for (const [init_mu, init_sigma] of [[0.2, 1], [0.5, 3]]) {
      const m = run({ init_mu, init_sigma }, 300);
      expect(Math.abs(m.reverse().mu)).toBeLessThan(1e-6);
      expect(m.reverse().sigma).toBeCloseTo(2.63, 2);
      expect(Number(m.metrics().kl_reverse)).toBeCloseTo(1.575, 2);
    }
    expect(Math.abs(run({}, 300).reverse().mu - 3)).toBeLessThan(0.01);
  });

  it('overlapping bumps: the two fits nearly agree', () => {
    const m = run({ target: KL_PRESETS.close });
    expect(Math.abs(m.forward().sigma - m.reverse().sigma)).toBeLessThan(0.03);
    expect(Math.abs(m.reverse().mu)).toBeLessThan(0.01);
  });
});
