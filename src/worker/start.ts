/**
 * Start-up of a widget's worker on each init: the compute backend (started once; a failure is
 * retried by the next init), the model, and a trained checkpoint's weights, which download while
 * the backend starts and the model is built. The model then goes to the training loop.
 */
import type { ModelFactory } from '../lib/model';
import { StageError, type ToWorker } from '../lib/protocol';
import type { BackendChoice } from '../lib/backend-choice';
import { fetchCheckpoint } from './checkpoint';
import type { Fail, Loop, Post } from './loop';

/** What the worker's set-up reports: the backend's name, a longer label, and why a preferred one was skipped. */
export interface BackendInfo {
  name: string;
  label?: string;
  note?: string;
  /** A backend chosen by timing (the page stores it for the next visit). */
  choice?: BackendChoice;
}

/** Picks and initialises the compute backend; returns its name ("wasm", "webgl", "cpu", "js") or more. */
export type BackendStart = () => Promise<string | BackendInfo>;

/** Returns init(message): builds the model (from a checkpoint when asked) and reports it. */
export function starter(factory: ModelFactory, backend: BackendStart | undefined, loop: Loop, post: Post, fail: Fail) {
  let ready: Promise<BackendInfo> | null = null;
  let generation = 0;

  return async function init(params: ToWorker & { type: 'init' }) {
    const gen = ++generation;
    loop.halt();
    // A trained checkpoint downloads while the backend starts and the model is built.
    const checkpoint = params.checkpoint ? fetchCheckpoint(params.checkpoint, params.params) : null;
    checkpoint?.catch(() => undefined); // its failure is reported where it is awaited, below
    if (!ready) {
      ready = (backend ? backend() : Promise.resolve('js')).then((b) => {
        const info: BackendInfo = typeof b === 'string' ? { name: b } : b;
        post({ type: 'ready', backend: info.name, label: info.label ?? info.name, note: info.note, ...(info.choice ? { choice: info.choice } : {}) });
        return info;
      });
    }
    try {
      await ready;
    } catch (err) {
      ready = null; // the next init (Reset) tries again
      if (gen === generation) fail('backend', err, 'Could not start the compute backend (tfjs)');
      return;
    }
    if (gen !== generation) return;
    loop.clear();
    let model;
    try {
      model = await factory(params.params);
      if (gen !== generation) {
        model.dispose();
        return;
      }
      loop.install(model);
    } catch (err) {
      if (gen === generation) fail('model', err, 'Could not build the model');
      return;
    }
    if (params.checkpoint) {
      // Start from a trained checkpoint: its weights in place, step counting on from its steps.
      try {
        if (!model.load) throw new StageError('checkpoint', 'This widget cannot load a trained checkpoint');
        const ck = await checkpoint!;
        if (gen !== generation) return;
        const stated = Object.fromEntries(Object.entries(ck.manifest.metrics ?? {}).map(([k, m]) => [k, m.value]));
        model.load(ck.weights, ck.manifest.steps, stated);
        loop.install(model, ck.manifest.steps);
      } catch (err) {
        if (gen !== generation) return;
        loop.clear();
        fail('checkpoint', err, 'Could not load the trained checkpoint');
        return;
      }
    }
    loop.report();
  };
}
