/**
 * Chapter 4's remark on the Parzen estimate at step 0: for the untrained generator's grey-noise
 * samples, the validation digits pick the largest width of the grid, so the first number is
 * limited by the grid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { createModel as createMnistGan, PARZEN } from '../../src/widgets/mnist-gan/model';
import { specs as mnistGanSpecs } from '../../src/widgets/mnist-gan/settings';
import { defaults } from '../../src/lib/params';

beforeAll(async () => {
  await startTf();
});

describe('mnist-gan at step 0 (chapter 4)', () => {
  it('the Parzen width chosen for the untrained generator is the largest on the grid, 0.4', async () => {
    const data = await mnistNode();
    const m = createMnistGan(defaults(mnistGanSpecs), data);
    const m0 = m.metrics();
    expect(Math.max(...PARZEN.sigmas)).toBe(0.4);
    expect(Number(m0.parzen_sigma)).toBe(0.4);
    expect(Number(m0.parzen_ll)).toBeLessThan(-500);
    m.dispose();
  }, 300_000);
});
