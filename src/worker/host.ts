/**
 * serve(): the worker side of every widget. A worker file is two lines:
 *   import { serve } from './host';
 *   serve(createMyModel, { backend: () => initTf() });
 * This module takes the page's messages in order and dispatches them: init to start.ts, the
 * controls (run, pause, step, speed) to the training loop (loop.ts), live settings and commands
 * to the model. Training happens in time-boxed slices; state goes back at a bounded rate.
 */
import type { ModelFactory } from '../lib/model';
import { StageError, type FromWorker, type ToWorker } from '../lib/protocol';
import { createLoop, type Fail } from './loop';
import { starter, type BackendStart } from './start';

export type { BackendInfo } from './start';

interface ServeOptions {
  /** Picks and initialises the compute backend; returns its name ("wasm", "webgl", "cpu", "js") or more. */
  backend?: BackendStart;
  /** Metrics whose non-finite value pauses training as diverged (default: all numeric metrics). */
  watch?: string[];
  /** Longest slice of training between message checks, in ms. */
  sliceMs?: number;
  /**
   * Minimum interval between state messages, in ms. While running, the interval also grows to
   * four times what the last report cost (metrics() + view()), so that evaluation and view work
   * take at most about a fifth of the worker's time (capped at 2 s between reports).
   */
  reportMs?: number;
}

export function serve(factory: ModelFactory, opts: ServeOptions = {}) {
  const ctx = self as unknown as {
    postMessage(m: FromWorker, transfer?: Transferable[]): void;
    onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  };
  const post = (m: FromWorker) => ctx.postMessage(m);
  const fail: Fail = (stage, err, prefix) => {
    const msg = (err as Error)?.message ?? String(err);
    post({ type: 'error', stage: err instanceof StageError ? err.stage : stage, message: err instanceof StageError ? msg : `${prefix}: ${msg}` });
  };
  const loop = createLoop({ watch: opts.watch, sliceMs: opts.sliceMs ?? 24, reportMs: opts.reportMs ?? 80 }, post, fail);
  const init = starter(factory, opts.backend, loop, post, fail);

  let queue: Promise<void> = Promise.resolve();
  ctx.onmessage = (e: MessageEvent<ToWorker>) => {
    const msg = e.data;
    // Messages are handled in order; init is async (backend, data loading).
    queue = queue
      .then(() => {
        // Reports from here on answer this control message.
        if ('seq' in msg && typeof msg.seq === 'number') loop.answer(msg.seq);
        return handle(msg);
      }).catch((err) => fail('command', err, 'The training worker failed'));
  };

  async function handle(msg: ToWorker) {
    const model = loop.model();
    switch (msg.type) {
      case 'init':
        await init(msg);
        break;
      case 'run':
        loop.run();
        break;
      case 'pause':
        loop.pause();
        break;
      case 'step':
        loop.stepN(msg.n);
        break;
      case 'speed':
        loop.speed(msg.stepsPerSecond);
        break;
      case 'update':
        // Live settings (ParamSpec.live) go to the running model. Messages are handled in order,
        // so an update sent while the model is being built reaches it once it exists.
        if (!model?.update) return;
        try {
          model.update(msg.params);
        } catch (err) {
          fail('command', err, 'Could not apply the new setting');
          return;
        }
        if (!loop.running()) loop.report();
        break;
      case 'command': {
        if (!model?.command) {
          post({ type: 'result', id: msg.id, ok: false, error: `This widget has no command "${msg.name}".` });
          return;
        }
        try {
          const value = await model.command(msg.name, msg.payload);
          post({ type: 'result', id: msg.id, ok: true, value });
        } catch (err) {
          post({ type: 'result', id: msg.id, ok: false, error: (err as Error).message });
        }
        loop.report();
        break;
      }
    }
  }
}
