/**
 * Checkpoints retrained from scratch (the claims tier): the recipe run again with the default
 * settings and seed for the manifest's steps, stored and loaded as `npm run checkpoints` does,
 * reaches the metrics the committed manifest states (within a tolerance). gan-2d is the cheapest
 * (seconds); vae-mnist is the one chapter 3's lecture link shows (under a minute).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { checkManifest, decodeWeights, encodeWeights, type CheckpointRecipe } from '../../src/lib/checkpoint';
import type { Model } from '../../src/lib/model';
import { defaults, type ParamSpec } from '../../src/lib/params';
import { recipe as gan2d } from '../../src/widgets/gan-2d/checkpoint';
import { specs as gan2dSpecs } from '../../src/widgets/gan-2d/settings';
import { recipe as vae } from '../../src/widgets/vae-mnist/checkpoint';
import { specs as vaeSpecs } from '../../src/widgets/vae-mnist/settings';

const root = join(import.meta.dirname, '../..');

async function retrain(recipe: CheckpointRecipe<Model>, specs: ParamSpec[]) {
  await startTf();
  const manifest = checkManifest(JSON.parse(readFileSync(join(root, 'public/checkpoints', `${recipe.widget}.json`), 'utf8')), recipe.widget);
  const values = defaults(specs);
  const data = recipe.needsMnist ? await mnistNode() : undefined;
  const model = recipe.create(values, data);
  for (let i = 0; i < manifest.steps; i++) model.step();
  const { bytes, tensors } = encodeWeights(model.save!());
  model.dispose();
  const fresh = recipe.create(values, data);
  fresh.load!(decodeWeights(bytes, tensors), manifest.steps);
  const got = recipe.measure(fresh);
  fresh.dispose();
  return { manifest, got, bytes: bytes.byteLength };
}

describe('checkpoints retrained from scratch', () => {
  it('gan-2d: the same modes covered, high quality within 3 points, MMD² within 0.002', async () => {
    const { manifest, got, bytes } = await retrain(gan2d as CheckpointRecipe<Model>, gan2dSpecs);
    expect(bytes).toBe(manifest.bytes);
    expect(got.modes_covered.value).toBe(manifest.metrics.modes_covered.value);
    expect(Math.abs(got.high_quality.value - manifest.metrics.high_quality.value)).toBeLessThan(3);
    expect(Math.abs(got.mmd.value - manifest.metrics.mmd.value)).toBeLessThan(0.002);
  });

  it('vae-mnist: test ELBO within 1 nat, KL within 0.5 nats', async () => {
    const { manifest, got } = await retrain(vae as CheckpointRecipe<Model>, vaeSpecs);
    expect(Math.abs(got.elbo.value - manifest.metrics.elbo.value)).toBeLessThan(1);
    expect(Math.abs(got.kl.value - manifest.metrics.kl.value)).toBeLessThan(0.5);
  });
});
