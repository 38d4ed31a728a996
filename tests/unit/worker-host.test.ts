/**
 * The worker training loop, driven in Node with a fake worker scope: stepping, reports,
 * commands, and divergence (a NaN pauses the run with a message; Reset recovers).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../src/lib/protocol';
import type { Model } from '../../src/lib/model';

const sent: FromWorker[] = [];
const scope: { postMessage: (m: FromWorker) => void; onmessage: ((e: { data: ToWorker }) => void) | null } = {
  postMessage: (m) => sent.push(m),
  onmessage: null,
};

function fakeModel(params: Record<string, unknown>): Model {
  let x = 1;
  let n = 0;
  let rate = 0.5;
  const blowAt = Number(params.blowAt ?? Infinity);
  const doneAt = Number(params.doneAt ?? Infinity);
  return {
    done: () => n >= doneAt,
    step() {
      n++;
      x = n >= blowAt ? NaN : x * rate;
    },
    update(p) {
      rate = Number(p.rate ?? 0.5);
    },
    metrics: () => ({ loss: x, n }),
    view: () => {
      // a slow view (evaluation work): busy for viewMs
      const t = performance.now();
      while (performance.now() - t < Number(params.viewMs ?? 0));
      return { n };
    },
    command: (name, payload) => {
      if (name === 'double') return (payload as number) * 2;
      throw new Error('no such command');
    },
    dispose() {},
  };
}

const send = (m: ToWorker) => scope.onmessage!({ data: m });
const settle = () => new Promise((r) => setTimeout(r, 30));
const last = <T extends FromWorker['type']>(t: T) => [...sent].reverse().find((m) => m.type === t) as Extract<FromWorker, { type: T }>;

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  const { serve } = await import('../../src/worker/host');
  serve(fakeModel, { watch: ['loss'] });
});

describe('worker host', () => {
  it('initialises, steps and reports', async () => {
    send({ type: 'init', params: {} });
    await settle();
    expect(last('ready').backend).toBe('js');
    send({ type: 'step', n: 3 });
    await settle();
    const s = last('state');
    expect(s.step).toBe(3);
    expect(s.metrics.loss).toBe(0.125);
    expect(s.running).toBe(false);
  });

  it('an update message reaches the running model without a reset (live settings)', async () => {
    send({ type: 'init', params: {} });
    await settle();
    send({ type: 'step', n: 2 });
    await settle();
    expect(last('state').metrics.loss).toBe(0.25);
    send({ type: 'update', params: { rate: 0.1 } });
    await settle();
    expect(last('state').step).toBe(2); // reported at once, not rebuilt
    send({ type: 'step', n: 1 });
    await settle();
    const s = last('state');
    expect(s.step).toBe(3);
    expect(s.metrics.loss).toBeCloseTo(0.025, 10);
    // back to the first run's state for the tests below
    send({ type: 'init', params: {} });
    await settle();
    send({ type: 'step', n: 3 });
    await settle();
  });

  it('runs until paused', async () => {
    send({ type: 'run' });
    await new Promise((r) => setTimeout(r, 200));
    send({ type: 'pause' });
    await settle();
    const s = last('state');
    expect(s.running).toBe(false);
    expect(s.step).toBeGreaterThan(3);
  });

  it('at full speed yields between slices without setTimeout (clamped to ~4 ms in a worker), and pause still stops it', async () => {
    const wait = setTimeout;
    const started = sent.length;
    let timeouts = 0;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      timeouts++;
      return wait(...args);
    }) as typeof setTimeout;
    try {
      send({ type: 'run' });
      await new Promise((r) => wait(r, 150));
      send({ type: 'pause' });
      await new Promise((r) => wait(r, 30));
    } finally {
      globalThis.setTimeout = wait;
    }
    expect(timeouts).toBe(0);
    const s = last('state');
    expect(s.running).toBe(false);
    const stepAtPause = s.step;
    await settle();
    expect(last('state').step).toBe(stepAtPause);
    expect(sent.length).toBeGreaterThan(started);
  });

  it('spaces reports out when metrics/view are slow, so they take at most about a fifth of the time', async () => {
    send({ type: 'init', params: { viewMs: 60 } });
    await settle();
    const from = sent.length;
    const t0 = performance.now();
    send({ type: 'run' });
    await new Promise((r) => setTimeout(r, 1500));
    send({ type: 'pause' });
    const elapsed = performance.now() - t0;
    await settle();
    const reports = sent.slice(from).filter((m) => m.type === 'state').length;
    // at the fixed 80 ms cadence a 60 ms view would report ~10 times a second; here every 4 x 60 ms at most
    expect(reports).toBeLessThanOrEqual(Math.ceil(elapsed / 240) + 2);
    expect(reports).toBeGreaterThanOrEqual(3);
    send({ type: 'init', params: {} });
    await settle();
  });

  it('answers commands', async () => {
    send({ type: 'command', id: 7, name: 'double', payload: 21 });
    await settle();
    expect(last('result')).toMatchObject({ id: 7, ok: true, value: 42 });
    send({ type: 'command', id: 8, name: 'nope' });
    await settle();
    expect(last('result')).toMatchObject({ id: 8, ok: false, error: 'no such command' });
  });

  it('pauses a diverging run with a message, and init (Reset) recovers', async () => {
    send({ type: 'init', params: { blowAt: 5 } });
    await settle();
    send({ type: 'run' });
    await new Promise((r) => setTimeout(r, 300));
    const d = last('diverged');
    expect(d.message).toMatch(/diverged at step \d+: loss became NaN/);
    const stepAtStop = last('state').step;
    expect(last('state').running).toBe(false);
    send({ type: 'step', n: 1 });
    await settle();
    expect(last('state').step).toBe(stepAtStop); // no more steps after divergence
    send({ type: 'init', params: {} });
    await settle();
    expect(last('state').step).toBe(0);
    send({ type: 'step', n: 2 });
    await settle();
    expect(last('state')).toMatchObject({ step: 2, metrics: { loss: 0.25 } });
  });

  it('stops playing when the model says its run is finished; Step and Play add nothing; init starts again', async () => {
    send({ type: 'init', params: { doneAt: 12 } });
    await settle();
    expect(last('state')).toMatchObject({ step: 0, done: false });
    send({ type: 'run', seq: 1 });
    await new Promise((r) => setTimeout(r, 300));
    const s = last('state');
    expect(s).toMatchObject({ step: 12, running: false, done: true, seq: 1 });
    send({ type: 'step', n: 3 });
    send({ type: 'run' });
    await settle();
    expect(last('state')).toMatchObject({ step: 12, running: false, done: true });
    send({ type: 'init', params: { doneAt: 12 } });
    await settle();
    send({ type: 'step', n: 2 });
    await settle();
    expect(last('state')).toMatchObject({ step: 2, done: false });
  });
});
