/**
 * Claims test (long): the optimal-discriminator convergence claim on pairs drawn after the
 * defaults were fixed (seeds 4 and 5; seeds 1 to 3 are in optimal-discriminator-pairs.claims.test.ts).
 * 23 of these 24 reach max_gap < 0.05 and |V - C(G)| < 0.01 within 3,000 steps. Seed 5's pair 1
 * does not: its max_gap is still 0.080 at step 3,000 (it swings: 0.24 at step 500, 0.09 at
 * 2,000, 0.22 at 2,500), with V within 0.01 of C(G).
 */
import { describePairs } from './helpers/optimal-discriminator-pairs';

describePairs({
  4: [200, 650, 50, 100, 200, 50, 500, 200, 50, 250, 300, 50],
  5: [400, null, 50, 550, 250, 50, 50, 2050, 50, 1400, 350, 50],
});
