import { describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { createAli2d, ali2dSpecs } from '../../src/lib/models/ali2d';
import { defaults } from '../../src/lib/params';

// The numbers chapter 8 quotes for the ali-2d widget: default settings (ring of 8 Gaussians,
// deterministic encoder, seed 1).
const STEPS = 1000;

describe('ali-2d', () => {
  it('ALI learns an encoder whose reconstructions land near their input; the GAN on the same target for comparison', async () => {
    await startTf();
    const out: Record<string, number[]> = {};
    for (const mode of ['ali', 'gan']) {
      const m = createAli2d({ ...defaults(ali2dSpecs), mode });
      const row: number[] = [];
      for (let i = 1; i <= STEPS; i++) {
        m.step();
        if (i % 200 === 0) row.push(m.modesCovered(), m.recon(), m.reconSameMode(), m.highQuality());
      }
      out[mode] = row;
      m.dispose();
    }
    console.log(JSON.stringify(out));
    expect(out.ali.length).toBe(20);
  }, 600_000);

  it('keeps the tensor count flat over 1,000 steps', async () => {
    await startTf();
    for (const encoder of ['gaussian']) {
      const m = createAli2d({ ...defaults(ali2dSpecs), encoder, batch: 16, hidden: 8 });
      m.step();
      m.metrics();
      m.view();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 1000; i++) m.step();
      m.metrics();
      m.view();
      expect(tf.memory().numTensors).toBe(before);
      m.dispose();
    }
  }, 300_000);
});
