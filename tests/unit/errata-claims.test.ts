/**
 * Numbers that chapters 3 to 7 state outside any widget's own test: each is recomputed here from
 * its definition (closed forms, quadrature with the book's density code, the book's MMD code with
 * fixed seeds), so that the prose cannot drift from the mathematics.
 */
import { describe, expect, it } from 'vitest';
import { exactVariances, TEST_FUNCTIONS } from '../../src/widgets/reparam-gradients/model';
import { jsd } from '../../src/lib/density/divergences';
import { normalCdf, normalPdf, parseMixture, pdf } from '../../src/lib/density/mixture';
import { integrate } from '../../src/lib/density/quadrature';
import { samplePriorMany } from '../../src/lib/gan/priors';
import { MMD_BANDWIDTHS, mmd2 } from '../../src/lib/mmd';
import { Rng } from '../../src/lib/rng';

describe('chapter 3: score-function against pathwise variance for f = z^2, mu = 0.5', () => {
  const mu = 0.5;
  const closedForm = (s: number) => mu ** 4 / s ** 2 + 14 * mu ** 2 + 15 * s ** 2;

  it('the closed form mu^4/sigma^2 + 14 mu^2 + 15 sigma^2 agrees with the widget model', () => {
    for (const s of [1, 0.3, 0.1]) {
      const v = exactVariances(TEST_FUNCTIONS.square, mu, s);
      expect(v.score).toBeCloseTo(closedForm(s), 3);
      expect(v.reparam).toBeCloseTo(4 * s * s, 4);
    }
  });

  it('the score variance falls from 18.56 to 5.54, then rises to 9.90; the ratio grows 4.6 -> 15 -> about 250', () => {
    expect(closedForm(1)).toBeCloseTo(18.5625, 4);
    expect(closedForm(0.3)).toBeCloseTo(5.54, 2);
    expect(closedForm(0.1)).toBeCloseTo(9.9, 2);
    expect(closedForm(0.3)).toBeLessThan(closedForm(1));
    expect(closedForm(0.1)).toBeGreaterThan(closedForm(0.3));
    expect(closedForm(1) / 4).toBeCloseTo(4.64, 2);
    expect(closedForm(0.3) / (4 * 0.09)).toBeCloseTo(15.4, 1);
    const r01 = closedForm(0.1) / (4 * 0.01);
    expect(r01).toBeGreaterThan(240);
    expect(r01).toBeLessThan(255);
  });
});

describe('chapter 4: exercises 4.2 and 4.3', () => {
  it('at D = 0.03 the non-saturating gradient is about 32 times the minimax one', () => {
    expect((1 - 0.03) / 0.03).toBeCloseTo(32.3, 1);
  });

  it('U(0, 1) against U(0, 2): JS = (3/4) log(4/3) = 0.2158, C(G) = -0.9548', () => {
    const js = jsd(parseMixture('U(0, 1)'), parseMixture('U(0, 2)'));
    expect(js).toBeCloseTo(0.75 * Math.log(4 / 3), 4);
    expect(js).toBeCloseTo(0.2158, 4);
    expect(-Math.log(4) + 2 * js).toBeCloseTo(-0.9548, 4);
    // Direct value V(D*, G) with D* = 2/3 on (0, 1) and 0 on (1, 2).
    expect(Math.log(2 / 3) + 0.5 * Math.log(1 / 3)).toBeCloseTo(-0.9548, 4);
  });
});

describe('chapter 5: the classifier two-sample test, N(0, 1) against N(1, 1)', () => {
  const p = (x: number) => normalPdf(x, 0, 1);
  const q = (x: number) => normalPdf(x, 1, 1);
  const tv = 0.5 * integrate((x) => Math.abs(p(x) - q(x)), -12, 13, [0.5], 20000);

  it('TV = 2 Phi(1/2) - 1 = 0.383, and the best balanced accuracy is 1/2 + TV/2 = 0.691', () => {
    expect(tv).toBeCloseTo(2 * normalCdf(0.5, 0, 1) - 1, 6);
    expect(tv).toBeCloseTo(0.383, 3);
    const bestAccuracy = 0.5 * integrate((x) => Math.max(p(x), q(x)), -12, 13, [0.5], 20000);
    expect(bestAccuracy).toBeCloseTo(0.5 + 0.5 * tv, 6);
    expect(bestAccuracy).toBeCloseTo(0.691, 3);
  });

  it('the optimal cross-entropy is log 2 - JS, with JS = 0.111 nats: a different number from the accuracy', () => {
    const js = jsd(parseMixture('N(0, 1)'), parseMixture('N(1, 1)'));
    expect(js).toBeCloseTo(0.111, 3);
    // Mean log-loss of D* = p / (p + q) on balanced classes.
    const ce = -0.5 * integrate((x) => p(x) * Math.log(p(x) / (p(x) + q(x))) + q(x) * Math.log(q(x) / (p(x) + q(x))), -12, 13, [0.5], 20000);
    expect(ce).toBeCloseTo(Math.log(2) - js, 5);
    expect(pdf(parseMixture('N(0, 1)'), 0)).toBeCloseTo(p(0), 10);
  });
});

describe('chapter 6: transport on three bins (and exercises 6.2, 6.4)', () => {
  const cost = (g: number[][]) => g.reduce((s, row, i) => s + row.reduce((t, m, j) => t + m * Math.abs(i - j), 0), 0);
  const pr = [0.5, 0.3, 0.2];
  const pt = [0.2, 0.3, 0.5];

  it('the independent plan costs 1.0, the plan gamma* costs 0.6 and has the right marginals', () => {
    const indep = pr.map((a) => pt.map((b) => a * b));
    expect(cost(indep)).toBeCloseTo(1.0, 12);
    const star = [
      [0.2, 0.3, 0],
      [0, 0, 0.3],
      [0, 0, 0.2],
    ];
    expect(cost(star)).toBeCloseTo(0.6, 12);
    star.forEach((row, i) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(pr[i], 12));
    pt.forEach((m, j) => expect(star.reduce((a, row) => a + row[j], 0)).toBeCloseTo(m, 12));
  });

  it('no plan on a 0.01 grid is cheaper than 0.6; the CDF area and the dual f = (0, -1, -2) give 0.6 too', () => {
    let best = Infinity;
    // Free entries g00, g01, g10, g11 determine the rest through the marginals.
    for (let a = 0; a <= 50; a++)
      for (let b = 0; a + b <= 50; b++)
        for (let c = 0; c <= 30; c++)
          for (let d = 0; c + d <= 30; d++) {
            const g = [
              [a / 100, b / 100, pr[0] - (a + b) / 100],
              [c / 100, d / 100, pr[1] - (c + d) / 100],
              [pt[0] - (a + c) / 100, pt[1] - (b + d) / 100, 0],
            ];
            g[2][2] = pr[2] - g[2][0] - g[2][1];
            if (g.flat().some((m) => m < -1e-12)) continue;
            best = Math.min(best, cost(g));
          }
    expect(best).toBeCloseTo(0.6, 10);
    const Fr = [0.5, 0.8];
    const Ft = [0.2, 0.5];
    expect(Math.abs(Fr[0] - Ft[0]) + Math.abs(Fr[1] - Ft[1])).toBeCloseTo(0.6, 12);
    const f = [0, -1, -2];
    const dual = f.reduce((s, v, i) => s + v * pr[i], 0) - f.reduce((s, v, i) => s + v * pt[i], 0);
    expect(dual).toBeCloseTo(0.6, 12);
  });

  it('exercise 6.2: four bins, W1 = 1.0 by the CDFs, the quantile plan and the dual f(x) = -x', () => {
    const a = [0.4, 0.3, 0.2, 0.1];
    const b = [0.1, 0.2, 0.3, 0.4];
    let Fa = 0;
    let Fb = 0;
    let area = 0;
    for (let i = 0; i < 3; i++) {
      Fa += a[i];
      Fb += b[i];
      area += Math.abs(Fa - Fb);
    }
    expect(area).toBeCloseTo(1.0, 12);
    const plan = [
      [0.1, 0.2, 0.1, 0],
      [0, 0, 0.2, 0.1],
      [0, 0, 0, 0.2],
      [0, 0, 0, 0.1],
    ];
    plan.forEach((row, i) => expect(row.reduce((s, m) => s + m, 0)).toBeCloseTo(a[i], 12));
    b.forEach((m, j) => expect(plan.reduce((s, row) => s + row[j], 0)).toBeCloseTo(m, 12));
    expect(cost(plan)).toBeCloseTo(1.0, 12);
    const mean = (w: number[]) => w.reduce((s, m, i) => s + m * i, 0);
    expect(-mean(a) + mean(b)).toBeCloseTo(1.0, 12);
  });

  it('exercise 6.4: the penalised slope 1 + |dF| / (2 lambda rho) is 1.5 for lambda = 10 and 1.05 for lambda = 100', () => {
    expect(1 + 0.5 / (2 * 10 * 0.05)).toBeCloseTo(1.5, 12);
    expect(1 + 0.5 / (2 * 100 * 0.05)).toBeCloseTo(1.05, 12);
  });
});

describe('chapter 7: the floor of the biased MMD estimate (code_mmd)', () => {
  it('expected value 2 (4 - sum_s (1 + 2/s^2)^-1) / 500 = 0.0114 for two samples of N(0, I)', () => {
    const cross = MMD_BANDWIDTHS.reduce((s, h) => s + 1 / (1 + 2 / (h * h)), 0);
    expect(cross).toBeCloseTo(1.141, 3);
    expect((2 * (MMD_BANDWIDTHS.length - cross)) / 500).toBeCloseTo(0.0114, 4);
  });

  it('50 pairs of 500 prior draws: mean 0.013, range about 0.007 to 0.025', () => {
    const v: number[] = [];
    for (let i = 0; i < 50; i++) {
      v.push(mmd2(samplePriorMany('gaussian', new Rng(1000 + 2 * i), 500), samplePriorMany('gaussian', new Rng(1001 + 2 * i), 500)));
    }
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean).toBeGreaterThan(0.0125);
    expect(mean).toBeLessThan(0.0135);
    expect(Math.min(...v)).toBeGreaterThan(0.0065);
    expect(Math.min(...v)).toBeLessThan(0.008);
    expect(Math.max(...v)).toBeGreaterThan(0.024);
    expect(Math.max(...v)).toBeLessThan(0.026);
  }, 120_000);
});
