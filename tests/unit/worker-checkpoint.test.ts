/**
 * The worker host starting from a trained checkpoint (init with `checkpoint`): the weights reach
 * the model, `step` starts at the checkpoint's steps and training continues from there; a missing
 * file, a truncated file and settings the checkpoint does not fit each fail with a message that
 * names what failed (stage "checkpoint").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWeights, type NamedWeights } from '../../src/lib/checkpoint';
import type { FromWorker, ToWorker } from '../../src/lib/protocol';
import type { Model } from '../../src/lib/model';

const sent: FromWorker[] = [];
const scope: { postMessage: (m: FromWorker) => void; onmessage: ((e: { data: ToWorker }) => void) | null } = {
  postMessage: (m) => sent.push(m),
  onmessage: null,
};
let loaded: { weights: NamedWeights; step: number; stated?: Record<string, number> } | null = null;

function fakeModel(params: Record<string, unknown>): Model {
  let w = new Float32Array(Number(params.size ?? 3));
  return {
    step() {
      w = w.map((v) => v + 1);
    },
    metrics: () => ({ w0: w[0] }),
    view: () => ({}),
    save: () => ({ w }),
    load(weights, step, stated) {
      if (weights.w.length !== w.length) throw new Error(`tensor w has ${weights.w.length} values, the model needs ${w.length}`);
      w = weights.w.slice();
      loaded = { weights, step, stated };
    },
    dispose() {},
  };
}

const files = new Map<string, Uint8Array | string>();
const { bytes, tensors } = encodeWeights({ w: Float32Array.from([0.5, -1, 2]) });
const manifest = { format: 1, widget: 'fake', settings: { size: 3 }, shapeKeys: ['size'], seed: 1, steps: 1000, backend: 'wasm', seconds: 1, metrics: { w_base: { value: 0.25, digits: 2, what: 'a baseline of the run' } }, codeHash: '', codeFiles: [], bytes: bytes.byteLength, tensors };
files.set('/ck/fake.json', JSON.stringify(manifest));
files.set('/ck/fake.bin', bytes);
files.set('/ck/short.json', JSON.stringify(manifest));
files.set('/ck/short.bin', bytes.subarray(0, 3));

const send = (m: ToWorker) => scope.onmessage!({ data: m });
const settle = () => new Promise((r) => setTimeout(r, 40));
const last = <T extends FromWorker['type']>(t: T) => [...sent].reverse().find((m) => m.type === t) as Extract<FromWorker, { type: T }>;
const urls = (name: string) => ({ manifest: `http://book.test/ck/${name}.json`, weights: `http://book.test/ck/${name}.bin` });

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  globalThis.fetch = (async (input: string | URL) => {
    const path = new URL(String(input)).pathname;
    const body = files.get(path);
    if (body === undefined) return new Response('not found', { status: 404, statusText: 'Not Found' });
    return new Response(body as BodyInit);
  }) as typeof fetch;
  const { serve } = await import('../../src/worker/host');
  serve(fakeModel);
});

describe('worker host with a checkpoint', () => {
  it('loads the weights, starts at the checkpoint step and trains on from there', async () => {
    send({ type: 'init', params: { size: 3 }, checkpoint: urls('fake') });
    await settle();
    const s = last('state');
    expect(s.step).toBe(1000);
    expect(loaded!.step).toBe(1000);
    // The manifest's stated metrics reach the model as plain numbers.
    expect(loaded!.stated).toEqual({ w_base: 0.25 });
    expect(s.metrics.w0).toBeCloseTo(0.5, 3);
    send({ type: 'step', n: 2 });
    await settle();
    expect(last('state').step).toBe(1002);
    expect(last('state').metrics.w0).toBeCloseTo(2.5, 3);
  });

  it('says which file is missing', async () => {
    sent.length = 0;
    send({ type: 'init', params: { size: 3 }, checkpoint: urls('gone') });
    await settle();
    const e = last('error');
    expect(e.stage).toBe('checkpoint');
    expect(e.message).toMatch(/manifest from \/ck\/gone\.json: the server answered 404 Not Found/);
    expect(last('state')).toBeUndefined();
  });

  it('says when the weights file is cut short', async () => {
    sent.length = 0;
    send({ type: 'init', params: { size: 3 }, checkpoint: urls('short') });
    await settle();
    expect(last('error').message).toMatch(/weights at \/ck\/short\.bin is not usable: 3 bytes where the manifest says 8/);
  });

  it('refuses settings the checkpoint does not fit, naming the setting', async () => {
    sent.length = 0;
    send({ type: 'init', params: { size: 4 }, checkpoint: urls('fake') });
    await settle();
    expect(last('error').message).toMatch(/size = 3 \(here 4\)/);
  });

  it('starts from scratch without a checkpoint (Reset after a failure)', async () => {
    sent.length = 0;
    send({ type: 'init', params: { size: 3 } });
    await settle();
    expect(last('state').step).toBe(0);
    expect(last('state').metrics.w0).toBe(0);
  });
});
