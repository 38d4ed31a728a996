/**
 * Claims test (long: twelve runs of 3,000 steps). Chapter 4 says the optimal-discriminator
 * widget converges on any pair of mixtures a reader types: with the default settings and seed 1,
 * D reaches max_gap < 0.05 and |V - C(G)| < 0.01 within 3,000 steps on 11 of 12 generated pairs
 * (the twelfth stays at max_gap 0.085 with V within 0.01). Checked here on twelve
 * generated pairs (tests/unit/helpers/random-pairs.ts, seed 1): one to five components each,
 * normals and uniforms with scales from 0.05 to 2.5, eight overlapping pairs and four with
 * disjoint supports. max_gap is measured over the smallest region holding 99% of the mass of
 * (p_data + p_g) / 2, less a band of 0.5% of the range at each uniform's edge (see gapMask).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { createModel as createOptimalDiscriminator, specs as optimalDiscriminatorSpecs } from '../../src/widgets/optimal-discriminator/model';
import { defaults } from '../../src/lib/params';
import { randomPairs } from './helpers/random-pairs';

const PAIRS = randomPairs(1, 12);

/**
 * Measured with seed 1 (checks every 50 steps): the step at which both targets first hold. Pair 3
 * (narrow normals and uniforms on top of each other, N(1.04, 0.074) and N(1.54, 0.055) among them) does not
 * get there in 3,000 steps: its largest gap stays near 0.085, next to a uniform's edge.
 */
const REACHED: (number | null)[] = [750, 100, 50, null, 50, 50, 2500, 450, 50, 400, 650, 50];

describe('optimal discriminator: converges on generated pairs (claims)', () => {
  beforeAll(async () => {
    await startTf();
  });

  PAIRS.forEach((p, i) => {
    it(`pair ${i} (${p.kind}): max_gap < 0.05 and |V - C(G)| < 0.01 ${REACHED[i] === null ? 'not reached in 3,000 steps' : `within ${REACHED[i]} steps`}`, () => {
      const m = createOptimalDiscriminator({ ...defaults(optimalDiscriminatorSpecs), pdata: p.pdata, pg: p.pg });
      let reached = -1;
      let last = { gap: NaN, dv: NaN };
      for (let s = 1; s <= 3000 && reached < 0; s++) {
        m.step();
        if (s % 50 === 0) {
          const mt = m.metrics();
          const dv = Number(mt.value_optimal) - Number(mt.value);
          last = { gap: Number(mt.max_gap), dv };
          // C(G) is the maximum of V over all discriminators (up to quadrature error).
          expect(dv).toBeGreaterThan(-1e-5);
          if (last.gap < 0.05 && dv < 0.01) reached = s;
        }
      }
      console.log(`optimal-discriminator pair ${i} (${p.kind}): targets reached at step ${reached} (last max_gap ${last.gap.toFixed(3)}, C - V ${last.dv.toFixed(4)}) | ${p.pdata} || ${p.pg}`);
      m.dispose();
      const want = REACHED[i];
      if (want === null) {
        expect(reached).toBe(-1);
        expect(last.gap).toBeLessThan(0.1);
        expect(last.dv).toBeLessThan(0.01);
      } else {
        expect(reached, `${p.pdata} vs ${p.pg}`).toBeGreaterThan(0);
        expect(reached).toBeLessThanOrEqual(want);
      }
    }, 900_000);
  });
});
