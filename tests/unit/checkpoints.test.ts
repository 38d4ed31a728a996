/**
 * The trained checkpoints (public/checkpoints/<id>.{json,bin}, `npm run checkpoints`): each one
 * was made by the current model code (the hash rule), with the widget's default settings, and
 * its stated metrics are what its stored weights give, recomputed here. Also the format itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import {
  checkManifest,
  checkpointMismatch,
  decodeWeights,
  encodeWeights,
  fromHalf,
  toHalf,
  type CheckpointRecipe,
} from '../../src/lib/checkpoint';
import type { Model } from '../../src/lib/model';
import { defaults, type ParamSpec } from '../../src/lib/params';
import { modelCodeHash } from '../../scripts/checkpoint-hash.mjs';

const root = join(import.meta.dirname, '../..');
const recipes = import.meta.glob<{ recipe: CheckpointRecipe<Model> }>('../../src/widgets/*/checkpoint.ts', { eager: true });
const settings = import.meta.glob<{ specs: ParamSpec[] }>('../../src/widgets/*/settings.ts', { eager: true });
const ids = Object.keys(recipes).map((p) => p.split('/').at(-2)!);

describe('checkpoint format', () => {
  it('float16 rounds to the nearest half and back', () => {
    for (const v of [0, 1, -2, 0.5, 65504, 1e-5, -3.14159, 6e-8]) {
      const back = fromHalf(toHalf(v));
      expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.max(Math.abs(v) * 2 ** -11, 2 ** -25));
    }
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
    expect(toHalf(1)).toBe(0x3c00);
  });

  it('encodes and decodes f16 and i8 tensors; names what is wrong with a bad file', () => {
    const w = { a: Float32Array.from([0.1, -0.2, 0.3]), big: Float32Array.from({ length: 5000 }, (_, i) => Math.sin(i)) };
    const { bytes, tensors } = encodeWeights(w);
    expect(tensors.map((t) => t.encoding)).toEqual(['f16', 'i8']);
    expect(bytes.byteLength).toBe(8 + 5000);
    const back = decodeWeights(bytes, tensors);
    for (let i = 0; i < 3; i++) expect(back.a[i]).toBeCloseTo(w.a[i], 3);
    // i8: error at most half a quantisation step (max |w| / 127 / 2).
    const step = 1 / 127;
    for (let i = 0; i < 5000; i++) expect(Math.abs(back.big[i] - w.big[i])).toBeLessThanOrEqual(step / 2 + 1e-6);
    expect(() => decodeWeights(bytes.subarray(0, 100), tensors)).toThrow(/tensor big runs past the end/);
    expect(() => encodeWeights({ bad: Float32Array.from([NaN]) })).toThrow(/bad\[0\] is NaN/);
    expect(() => checkManifest({ format: 2 })).toThrow(/unknown checkpoint format/);
    expect(() => checkManifest({ format: 1, widget: 'x', steps: 5, tensors: [], settings: {} }, 'y')).toThrow(/for x, not y/);
  });

  it('says which setting keeps a checkpoint from loading', () => {
    const m = { settings: { hidden: 256, lr: 0.002 }, shapeKeys: ['hidden'], steps: 1000 };
    expect(checkpointMismatch(m, { hidden: 256, lr: 0.01 })).toBeNull();
    expect(checkpointMismatch(m, { hidden: 64, lr: 0.002 }, () => 'Hidden units')).toMatch(/Hidden units = 256 \(here 64\)/);
  });
});

describe('checkpoints', () => {
  it('exist for every recipe and stay under 3 MB together', () => {
    expect(ids.length).toBeGreaterThan(0);
    let total = 0;
    for (const id of ids) {
      for (const ext of ['json', 'bin']) {
        const f = join(root, 'public/checkpoints', `${id}.${ext}`);
        expect(existsSync(f), `${f} is missing: run npm run checkpoints`).toBe(true);
        total += statSync(f).size;
      }
    }
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  for (const id of ids) {
    describe(id, () => {
      const manifest = () => checkManifest(JSON.parse(readFileSync(join(root, 'public/checkpoints', `${id}.json`), 'utf8')), id);

      it('was made by the current model code', async () => {
        const m = manifest();
        const { hash, files } = await modelCodeHash(id);
        expect(
          hash,
          `the model code of ${id} changed since its checkpoint was made (files: ${files.join(', ')}): rerun \`npm run checkpoints -- --only=${id}\``,
        ).toBe(m.codeHash);
      });

      it("was trained with the widget's default settings for the recipe's steps", () => {
        const m = manifest();
        const recipe = recipes[`../../src/widgets/${id}/checkpoint.ts`].recipe;
        const specs = settings[`../../src/widgets/${id}/settings.ts`].specs;
        expect(m.settings).toEqual(defaults(specs));
        expect(m.steps).toBe(recipe.steps);
        expect(m.shapeKeys).toEqual(recipe.shapeKeys);
        expect(m.seed).toBe(Number(defaults(specs).seed));
      });

      it('its stored weights give the metrics its manifest states', async () => {
        await startTf();
        const m = manifest();
        const recipe = recipes[`../../src/widgets/${id}/checkpoint.ts`].recipe;
        const bytes = new Uint8Array(readFileSync(join(root, 'public/checkpoints', `${id}.bin`)));
        expect(bytes.byteLength).toBe(m.bytes);
        const weights = decodeWeights(bytes, m.tensors);
        const model = recipe.create(m.settings, recipe.needsMnist ? await mnistNode() : undefined);
        try {
          const before = tf.memory().numTensors;
          model.load!(weights, m.steps);
          expect(tf.memory().numTensors, 'load() keeps the tensor count flat').toBe(before);
          const got = recipe.measure(model);
          expect(Object.keys(got).sort()).toEqual(Object.keys(m.metrics).sort());
          for (const [k, stated] of Object.entries(m.metrics)) {
            expect(Math.abs(got[k].value - stated.value), `${id} ${k}: ${got[k].value} against the stated ${stated.value.toFixed(stated.digits)}`).toBeLessThanOrEqual(
              10 ** -stated.digits,
            );
          }
          // What the model saves after loading is what it loaded.
          const saved = model.save!();
          expect(Object.keys(saved).sort()).toEqual(Object.keys(weights).sort());
          for (const [k, a] of Object.entries(weights)) expect(Array.from(saved[k].subarray(0, 50))).toEqual(Array.from(a.subarray(0, 50)));
          // The step count goes on from the checkpoint's.
          model.step();
        } finally {
          model.dispose();
        }
      });
    });
  }
});
