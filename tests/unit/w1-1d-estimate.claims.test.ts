/**
 * Claims test (long: 5,000 steps per pair). Chapter 6 says the w1-1d estimate, with the default
 * settings (one-sided penalty, seed 1), stays within 10% of the exact W1 at every step from 600
 * to 5,000: on every preset, on 0.3 N(-2, 0.5) + 0.7 U(1, 3) against N(0, 1) and on U(-1, 3)
 * against N(0, 1); and that on generated pairs with components narrower than about 0.1
 * (tests/unit/helpers/random-pairs.ts, seed 5) it dips to 0.88 W1. Before the estimate clipped
 * the slope, value / K drifted down on every one of these pairs (to 0.82 W1 on U(-1, 3) vs N(0, 1)).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { createModel as createW1d, specs as w1Specs, W1_PRESETS } from '../../src/widgets/w1-1d/model';
import { defaults } from '../../src/lib/params';
import { randomPairs } from './helpers/random-pairs';

/** Pairs and the lowest estimate / W1 the test accepts over steps 600-5,000. */
const PAIRS: [string, string, number][] = [
  ...Object.values(W1_PRESETS).map((p) => [p.real, p.fake, 0.9] as [string, string, number]),
  ['0.3 N(-2, 0.5) + 0.7 U(1, 3)', 'N(0, 1)', 0.9],
  ['U(-1, 3)', 'N(0, 1)', 0.9],
  // generated pairs (measured minimum 0.890 and 0.882 on the first two, with components of width
  // 0.05 to 0.15 overlapping; 1.000 on the third, disjoint)
  ...randomPairs(5, 3).map((p, i) => [p.pdata, p.pg, i < 2 ? 0.87 : 0.9] as [string, string, number]),
];

describe('w1-1d: the estimate holds from step 600 to 5,000 (claims)', () => {
  beforeAll(async () => {
    await startTf();
  });

  for (const [real, fake, floor] of PAIRS) {
    it(`${real} vs ${fake}`, () => {
      const m = createW1d({ ...defaults(w1Specs), real, fake });
      let lo = Infinity;
      let hi = -Infinity;
      let loDivK = Infinity;
      for (let s = 1; s <= 5000; s++) {
        m.step();
        if (s >= 600) {
          const r = m.estimate() / m.exact;
          lo = Math.min(lo, r);
          hi = Math.max(hi, r);
          loDivK = Math.min(loDivK, m.gap() / m.lipschitz() / m.exact);
        }
      }
      console.log(`w1-1d ${real} vs ${fake}: W1 ${m.exact.toFixed(4)}, estimate / W1 over steps 600-5,000 in [${lo.toFixed(3)}, ${hi.toFixed(3)}] (value / K alone down to ${loDivK.toFixed(3)})`);
      m.dispose();
      expect(lo).toBeGreaterThan(floor);
      // an admissible critic's value never exceeds W1 (up to the grid's resolution)
      expect(hi).toBeLessThan(1.005);
    }, 900_000);
  }
});
