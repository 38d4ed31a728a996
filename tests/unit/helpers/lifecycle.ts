/** Shared by the table-driven model checks: which models do periodic work, and the leak check. */
import { expect } from 'vitest';
import { tf } from './tf-node';
import { mnistNode } from './mnist-node';
import { defaults, type Values } from '../../../src/lib/params';
import type { ModelEntry } from '../../../src/bench/models';

/** Models with periodic work: settings that shorten the period, and steps that cover two periods. */
export const PERIODIC: Record<string, { values?: Values; steps: number }> = {
  'ali-2d': { steps: 21 }, // history every 10 steps
  'bigan-mnist': { values: { probe_every: 20 }, steps: 41 }, // linear probe re-fitted
  'mnist-gan': { values: { parzen_every: 50 }, steps: 101 }, // samples every 10, Parzen estimate
  'optimal-discriminator': { steps: 51 }, // D* comparison every 25 steps
  'pixelcnn-mnist': { steps: 51 }, // test NLL every 25 steps
  'vae-mnist': { steps: 101 }, // test ELBO, scatter and grid every 50 steps
};

/** Creates the model, steps once, then `steps` more: the tensor count after must equal the count before. */
export async function flatOver(entry: ModelEntry, values: Values, steps: number) {
  const mnist = entry.needsMnist ? await mnistNode() : undefined;
  const m = await entry.create({ ...defaults(entry.specs), ...values }, { mnist });
  m.step();
  m.metrics();
  m.view();
  const n1 = tf.memory().numTensors;
  for (let i = 0; i < steps; i++) m.step();
  m.metrics();
  m.view();
  expect(tf.memory().numTensors, entry.id).toBe(n1);
  m.dispose();
}
