/**
 * Claims test (long: 5,000 steps per pair). Chapter 6 says the w1-1d estimate, with the default
 * settings (one-sided penalty, Adam at lr 0.01, seed 1), stays within 10% of the exact W1 at every
 * step from 600 to 5,000: on every preset, on 0.3 N(-2, 0.5) + 0.7 U(1, 3) against N(0, 1), on
 * U(-1, 3) against N(0, 1), and on three generated pairs (tests/unit/helpers/random-pairs.ts,
 * seed 5), each with normal components of standard deviation near or below 0.1 (down to 0.053).
 * value / K alone drifts down on every
 * one of these pairs (to 0.90 W1 on U(-1, 3) vs N(0, 1), below 0.3 W1 on the two overlapping
 * generated pairs), which is why the estimate clips the slope. With lr 0.005 the first
 * generated pair was still at 0.89 W1 at step 600.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { createModel as createW1d, specs as w1Specs, W1_PRESETS } from '../../src/widgets/w1-1d/model';
import { defaults } from '../../src/lib/params';
import { randomPairs } from './helpers/random-pairs';

/** Pairs, the first step from which the estimate must stay within 10% of W1, and its floor. */
const PAIRS: [string, string, number][] = [
  ...Object.values(W1_PRESETS).map((p) => [p.real, p.fake, 600] as [string, string, number]),
  ['0.3 N(-2, 0.5) + 0.7 U(1, 3)', 'N(0, 1)', 600],
  ['U(-1, 3)', 'N(0, 1)', 600],
  // generated pairs, with components of width 0.05 to 2.4
  ...randomPairs(5, 3).map((p) => [p.pdata, p.pg, 600] as [string, string, number]),
];

/** The two overlapping generated pairs (the third is disjoint). */
const OVERLAPPING = new Set(PAIRS.slice(5, 7).map(([r]) => r));

describe('w1-1d: the estimate holds from step 600 to 5,000 (claims)', () => {
  beforeAll(async () => {
    await startTf();
  });

  for (const [real, fake, from] of PAIRS) {
    it(`${real} vs ${fake}`, () => {
      const m = createW1d({ ...defaults(w1Specs), real, fake });
      let lo = Infinity;
      let hi = -Infinity;
      let loDivK = Infinity;
      for (let s = 1; s <= 5000; s++) {
        m.step();
        if (s >= from) {
          const r = m.estimate() / m.exact;
          lo = Math.min(lo, r);
          hi = Math.max(hi, r);
          loDivK = Math.min(loDivK, m.gap() / m.lipschitz() / m.exact);
        }
      }
      console.log(`w1-1d ${real} vs ${fake}: W1 ${m.exact.toFixed(4)}, estimate / W1 over steps ${from}-5,000 in [${lo.toFixed(3)}, ${hi.toFixed(3)}] (value / K alone down to ${loDivK.toFixed(3)})`);
      m.dispose();
      expect(lo).toBeGreaterThan(0.9);
      // the chapter: value / K alone drifts to 0.90 W1 on U(-1, 3) vs N(0, 1) by step 5,000, and
      // below 0.3 W1 on the two overlapping generated pairs
      if (real === 'U(-1, 3)') expect(Math.abs(loDivK - 0.9)).toBeLessThan(0.01);
      if (OVERLAPPING.has(real)) expect(loDivK).toBeLessThan(0.3);
      // the chapter: at least 0.97 W1 on the default pair
      if (real === W1_PRESETS.bimodal.real && fake === W1_PRESETS.bimodal.fake) expect(lo).toBeGreaterThanOrEqual(0.97);
      // an admissible critic's value never exceeds W1 (up to the grid's resolution)
      expect(hi).toBeLessThan(1.005);
    }, 900_000);
  }
});
