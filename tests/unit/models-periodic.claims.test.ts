/**
 * The tensor count of every model with periodic work (evaluations, probes, sample grids) stays
 * flat over two of its periods: a leak in the periodic path shows there and nowhere earlier.
 * Full tier (npm test); the fast tier checks every model over a few steps (models-lifecycle.test.ts).
 */
import { beforeAll, describe, it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { MODELS } from '../../src/bench/models';
import { PERIODIC, flatOver } from './helpers/lifecycle';

beforeAll(async () => {
  await startTf();
});

describe('models with periodic work: tensor count flat over two periods', () => {
  for (const [id, { values = {}, steps }] of Object.entries(PERIODIC)) {
    it(`${id}: ${steps} steps`, async () => {
      const entry = MODELS.find((m) => m.id === id);
      if (!entry) throw new Error(`no model ${id}`);
      await flatOver(entry, values, steps);
    });
  }
});
