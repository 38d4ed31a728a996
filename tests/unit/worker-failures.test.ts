/**
 * A worker that fails names the stage and the cause, never "unknown error", and Reset (a new
 * init) retries: the compute backend, the data, the model's construction, a training step. Also
 * the sequence numbers that keep the page's Play/Pause in step with the worker.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { StageError, type FromWorker, type ToWorker } from '../../src/lib/protocol';
import type { Model } from '../../src/lib/model';

const sent: FromWorker[] = [];
const scope: { postMessage: (m: FromWorker) => void; onmessage: ((e: { data: ToWorker }) => void) | null } = {
  postMessage: (m) => sent.push(m),
  onmessage: null,
};
const send = (m: ToWorker) => scope.onmessage!({ data: m });
const settle = () => new Promise((r) => setTimeout(r, 30));
const last = <T extends FromWorker['type']>(t: T) => [...sent].reverse().find((m) => m.type === t) as Extract<FromWorker, { type: T }>;

/** What the next backend start and model build do; the tests switch these between runs. */
const faults = { backend: 0, data: false, model: false, stepAt: Infinity };

function model(): Model {
  let n = 0;
  return {
    step() {
      n++;
      if (n >= faults.stepAt) throw new Error('matMul: shapes [3,4] and [5,1] do not match');
    },
    metrics: () => ({ n }),
    view: () => ({ n }),
    dispose() {},
  };
}

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  const { serve } = await import('../../src/worker/host');
  serve(
    async () => {
      if (faults.data) throw new StageError('data', 'Could not load the MNIST digits from /data/mnist.bin.gz: the server answered 404 Not Found');
      if (faults.model) throw new Error('hidden units must be positive');
      return model();
    },
    {
      backend: async () => {
        if (faults.backend-- > 0) throw new StageError('backend', 'No tfjs backend could start (wasm: failed to load wasm binary file)');
        return { name: 'wasm', label: 'wasm (2 threads)' };
      },
    },
  );
});

describe('worker failures', () => {
  it('a backend that cannot start is reported as such, and the next init retries it', async () => {
    faults.backend = 1;
    send({ type: 'init', params: {}, seq: 1 });
    await settle();
    const e = last('error');
    expect(e.stage).toBe('backend');
    expect(e.message).toContain('wasm: failed to load wasm binary file');
    expect(sent.some((m) => m.type === 'ready')).toBe(false);
    send({ type: 'init', params: {}, seq: 2 });
    await settle();
    expect(last('ready')).toMatchObject({ backend: 'wasm', label: 'wasm (2 threads)' });
    expect(last('state')).toMatchObject({ step: 0, seq: 2 });
  });

  it('a data failure keeps its own stage and message', async () => {
    faults.data = true;
    sent.length = 0;
    send({ type: 'init', params: {}, seq: 3 });
    await settle();
    expect(last('error')).toMatchObject({ stage: 'data', message: expect.stringContaining('404 Not Found') });
    faults.data = false;
  });

  it('a model that cannot be built says so', async () => {
    faults.model = true;
    sent.length = 0;
    send({ type: 'init', params: {}, seq: 4 });
    await settle();
    expect(last('error')).toMatchObject({ stage: 'model', message: 'Could not build the model: hidden units must be positive' });
    faults.model = false;
    send({ type: 'init', params: {}, seq: 5 });
    await settle();
    expect(last('state')).toMatchObject({ step: 0, seq: 5 });
  });

  it('a failing step stops the run with the step number and the cause', async () => {
    faults.stepAt = 3;
    sent.length = 0;
    send({ type: 'step', n: 5, seq: 6 });
    await settle();
    const d = last('diverged');
    expect(d.message).toContain('step 2');
    expect(d.message).toContain('shapes [3,4] and [5,1]');
    faults.stepAt = Infinity;
  });

  it('a report written before a queued Play carries the older sequence number', async () => {
    sent.length = 0;
    // Play pressed while the model is still being built: init (7) then run (8) are queued.
    send({ type: 'init', params: {}, seq: 7 });
    send({ type: 'run', seq: 8 });
    await settle();
    send({ type: 'pause', seq: 9 });
    await settle();
    const states = sent.filter((m): m is Extract<FromWorker, { type: 'state' }> => m.type === 'state');
    const initReport = states.find((s) => s.seq === 7)!;
    expect(initReport.running).toBe(false);
    expect(states.some((s) => s.seq === 8 && s.running)).toBe(true);
    expect(states[states.length - 1]).toMatchObject({ seq: 9, running: false });
  });
});
