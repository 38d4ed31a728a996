/**
 * Every widget model, from the generated list (src/bench/models.ts), table-driven:
 * - create with default settings, step, read metrics and view, dispose: twice, and the tfjs
 *   tensor count is back where it started (Reset disposes one model and creates the next);
 * - the tensor count stays flat while training: a leak shows after a few steps (models with
 *   periodic work step through two of its periods in models-periodic.claims.test.ts);
 * - every setting rejects bad input with a message (out of range, not a number, not an option).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { MODELS } from '../../src/bench/models';
import { defaults, parseValue, type ParamSpec } from '../../src/lib/params';
import type { Mnist } from '../../src/lib/data/mnist';

let mnist: Mnist;
beforeAll(async () => {
  await startTf();
  mnist = await mnistNode();
});

const isPlain = (v: unknown) => typeof v === 'number' || typeof v === 'string';

describe('every model: create, step, view, dispose', () => {
  it('the list finds every widget', () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(19);
  });

  for (const entry of MODELS) {
    it(`${entry.id}: two rounds leave no tensors; the count stays flat over 3 steps; metrics are plain values`, async () => {
      const before = entry.tf ? tf.memory().numTensors : 0;
      for (let round = 0; round < 2; round++) {
        const m = await entry.create(defaults(entry.specs), { mnist: entry.needsMnist ? mnist : undefined });
        m.step();
        m.metrics();
        m.view();
        const n1 = tf.memory().numTensors;
        for (let i = 0; i < 3; i++) m.step();
        const metrics = m.metrics();
        expect(m.view(), entry.id).toBeTruthy();
        if (entry.tf) expect(tf.memory().numTensors, `${entry.id}: tensors after 3 more steps`).toBe(n1);
        expect(Object.keys(metrics).length, entry.id).toBeGreaterThan(0);
        for (const [k, v] of Object.entries(metrics)) expect(isPlain(v), `${entry.id}.${k}`).toBe(true);
        m.dispose();
        if (entry.tf) expect(tf.memory().numTensors, `${entry.id}, round ${round + 1}`).toBe(before);
        if (round === 0 && !entry.tf) break; // plain JavaScript: nothing to leak
      }
    });
  }
});

/** Inputs every setting of its kind must refuse, with a message. */
function badInputs(spec: ParamSpec): string[] {
  switch (spec.kind) {
    case 'number': {
      const bad = ['abc', '', 'NaN', 'Infinity', '1e400'];
      if (spec.min !== undefined) bad.push(String(spec.min - Math.max(1, Math.abs(spec.min))));
      if (spec.max !== undefined) bad.push(String(spec.max + Math.max(1, Math.abs(spec.max))));
      if (spec.integer) bad.push(String((spec.min ?? 0) + 0.5));
      return bad;
    }
    case 'enum':
      return ['no-such-option', ''];
    case 'bool':
      return ['maybe'];
    case 'text':
      return ['x'.repeat((spec.maxLength ?? 4000) + 1)];
  }
}

describe('every model: settings refuse bad input with a message', () => {
  for (const entry of MODELS) {
    it(entry.id, () => {
      for (const spec of entry.specs) {
        for (const raw of badInputs(spec)) {
          const p = parseValue(spec, raw);
          expect(p.ok, `${entry.id}.${spec.name} = ${JSON.stringify(raw.slice(0, 20))}`).toBe(false);
          if (!p.ok) expect(p.error.length, `${entry.id}.${spec.name}`).toBeGreaterThan(5);
        }
        // The default is accepted as written in a link.
        expect(parseValue(spec, String(defaults([spec])[spec.name])).ok, `${entry.id}.${spec.name} default`).toBe(true);
      }
    });
  }
});
