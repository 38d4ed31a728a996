import { describe, expect, it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { createAae } from '../../src/lib/models/aae';
import { aaeSpecs } from '../../src/lib/models/aae-specs';
import { defaults } from '../../src/lib/params';

// Chapter 7's label-conditioned variant: with every label given to D and the 10-component
// mixture prior, each test digit's code should land in its own class's component.
describe('aae-mnist, labels to D', () => {
  it('sends most test digits to their own mixture component', async () => {
    await startTf();
    const mnist = await mnistNode();
    const m = createAae({ ...defaults(aaeSpecs), prior: 'mixture', variant: 'labels', compare: false }, mnist);
    const before = m.partAccuracy();
    for (let i = 0; i < 300; i++) m.step();
    const after = m.partAccuracy();
    const mmd = m.codeMmd();
    m.dispose();
    console.log({ before, after, mmd });
    expect(before).toBeLessThan(0.3);
    expect(after).toBeGreaterThan(0.5);
  }, 1_800_000);
});
