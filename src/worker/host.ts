/**
 * The generic training loop that runs inside a widget's Web Worker. A worker file is two lines:
 *   import { serve } from './host';
 *   serve(createMyModel, { backend: () => initTf() });
 * Training happens here in time-boxed slices; state goes back to the page at a bounded rate.
 */
import type { Model, ModelFactory } from '../lib/model';
import { firstNonFinite } from '../lib/model';
import { StageError, type FailureStage, type FromWorker, type ToWorker } from '../lib/protocol';
import type { BackendChoice } from '../lib/backend-choice';
import { fetchCheckpoint } from './checkpoint';

/** What the worker's set-up reports: the backend's name, a longer label, and why a preferred one was skipped. */
export interface BackendInfo {
  name: string;
  label?: string;
  note?: string;
  /** A backend chosen by timing (the page stores it for the next visit). */
  choice?: BackendChoice;
}

interface ServeOptions {
  /** Picks and initialises the compute backend; returns its name ("wasm", "webgl", "cpu", "js") or more. */
  backend?: () => Promise<string | BackendInfo>;
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
  const sliceMs = opts.sliceMs ?? 24;
  const reportMs = opts.reportMs ?? 80;
  let model: Model | null = null;
  let step = 0;
  let running = false;
  let targetRate = Infinity;
  let lastReport = 0;
  let reportEvery = reportMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Between slices at full speed the loop yields with a MessageChannel post, not setTimeout(0):
  // a worker clamps setTimeout(0) to about 4 ms, which cost 4-15 % of training time. The yield
  // still lets queued messages (pause, step, commands) run before the next slice. Node (tests,
  // scripts) has setImmediate instead: there a port's messages can starve the timers.
  let yielding = false;
  let yieldId = 0;
  const resume = (id: number) => {
    if (!yielding || id !== yieldId) return; // cancelled, or superseded by a later yield
    yielding = false;
    tick();
  };
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  const channel = !immediate && typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;
  if (channel) channel.port1.onmessage = (e: MessageEvent<number>) => resume(e.data);
  const scheduled = () => timer !== null || yielding;
  function schedule(wait: number) {
    if (wait <= 0 && (immediate || channel)) {
      yielding = true;
      const id = ++yieldId;
      if (immediate) immediate(() => resume(id));
      else channel!.port2.postMessage(id);
    } else timer = setTimeout(tick, wait);
  }
  function cancel() {
    if (timer) clearTimeout(timer);
    timer = null;
    yielding = false;
  }
  let rateWindow: { t: number; step: number }[] = [];
  let ready: Promise<BackendInfo> | null = null;
  let generation = 0;
  let diverged = false;
  let seq = 0;

  const post = (m: FromWorker) => ctx.postMessage(m);
  const fail = (stage: FailureStage, err: unknown, prefix: string) => {
    const msg = (err as Error)?.message ?? String(err);
    post({ type: 'error', stage: err instanceof StageError ? err.stage : stage, message: err instanceof StageError ? msg : `${prefix}: ${msg}` });
  };

  function stepsPerSecond(): number {
    if (rateWindow.length < 2) return 0;
    const a = rateWindow[0];
    const b = rateWindow[rateWindow.length - 1];
    const dt = (b.t - a.t) / 1000;
    return dt > 0 ? (b.step - a.step) / dt : 0;
  }

  /** Whether the model has finished its run (Model.done); a throwing done() counts as not finished. */
  function finished(): boolean {
    try {
      return model?.done?.() ?? false;
    } catch {
      return false;
    }
  }

  function report() {
    if (!model) return;
    const t0 = performance.now();
    lastReport = t0;
    let metrics;
    let view;
    try {
      metrics = model.metrics();
      view = model.view();
      reportEvery = Math.min(2000, Math.max(reportMs, 4 * (performance.now() - t0)));
    } catch (err) {
      running = false;
      fail('view', err, "Could not read the model's state");
      return;
    }
    const bad = firstNonFinite(metrics, opts.watch);
    if (bad && !diverged) {
      diverged = true;
      running = false;
      post({
        type: 'diverged',
        step,
        message: `Training diverged at step ${step}: ${bad} became ${metrics[bad]}. Lower the learning rate or change the settings, then press Reset.`,
      });
    }
    post({ type: 'state', seq, step, running, done: finished(), stepsPerSecond: running ? stepsPerSecond() : 0, metrics, view });
  }

  function doSteps(n: number): boolean {
    if (!model || diverged) return false;
    try {
      for (let i = 0; i < n; i++) {
        model.step();
        step++;
      }
      return true;
    } catch (err) {
      running = false;
      diverged = true;
      post({ type: 'diverged', step, message: `Training stopped at step ${step}: ${(err as Error).message}. Press Reset.` });
      report();
      return false;
    }
  }

  function tick() {
    timer = null;
    if (!running || !model) return;
    const t0 = performance.now();
    let budget = Infinity;
    if (Number.isFinite(targetRate)) {
      const last = rateWindow[rateWindow.length - 1];
      const elapsed = last ? (t0 - last.t) / 1000 : 0;
      budget = Math.max(0, Math.floor(elapsed * targetRate));
    }
    let done = 0;
    if (budget > 0 || !Number.isFinite(targetRate)) {
      while (performance.now() - t0 < sliceMs && done < budget) {
        if (finished()) {
          // The run has shown its result: stop playing (and say so at once).
          running = false;
          break;
        }
        if (!doSteps(1)) return;
        done++;
      }
    }
    const now = performance.now();
    if (done > 0 || rateWindow.length === 0) {
      rateWindow.push({ t: now, step });
      while (rateWindow.length > 2 && now - rateWindow[0].t > 2000) rateWindow.shift();
    }
    if (!running || now - lastReport >= reportEvery) report();
    if (running) schedule(Number.isFinite(targetRate) ? Math.max(1, Math.min(250, 1000 / targetRate)) : 0);
  }

  async function init(params: ToWorker & { type: 'init' }) {
    const gen = ++generation;
    running = false;
    cancel();
    // A trained checkpoint downloads while the backend starts and the model is built.
    const checkpoint = params.checkpoint ? fetchCheckpoint(params.checkpoint, params.params) : null;
    checkpoint?.catch(() => undefined); // its failure is reported where it is awaited, below
    if (!ready) {
      ready = (opts.backend ? opts.backend() : Promise.resolve('js')).then((b) => {
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
    model?.dispose();
    model = null;
    step = 0;
    diverged = false;
    rateWindow = [];
    try {
      const m = await factory(params.params);
      if (gen !== generation) {
        m.dispose();
        return;
      }
      model = m;
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
        step = ck.manifest.steps;
      } catch (err) {
        if (gen !== generation) return;
        model.dispose();
        model = null;
        fail('checkpoint', err, 'Could not load the trained checkpoint');
        return;
      }
    }
    report();
  }

  let queue: Promise<void> = Promise.resolve();
  ctx.onmessage = (e: MessageEvent<ToWorker>) => {
    const msg = e.data;
    // Messages are handled in order; init is async (backend, data loading).
    queue = queue
      .then(() => {
        // Reports from here on answer this control message.
        if ('seq' in msg && typeof msg.seq === 'number') seq = msg.seq;
        return handle(msg);
      }).catch((err) => fail('command', err, 'The training worker failed'));
  };

  async function handle(msg: ToWorker) {
    switch (msg.type) {
      case 'init':
        await init(msg);
        break;
      case 'run':
        if (!model || diverged) return;
        if (!running && !finished()) {
          running = true;
          rateWindow = [{ t: performance.now(), step }];
          if (!scheduled()) schedule(0);
        }
        report();
        break;
      case 'pause':
        running = false;
        cancel();
        report();
        break;
      case 'step':
        if (!model) return;
        running = false;
        cancel();
        if (!finished()) doSteps(Math.max(1, Math.floor(msg.n)));
        report();
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
        if (!running) report();
        break;
      case 'speed':
        targetRate = msg.stepsPerSecond > 0 ? msg.stepsPerSecond : Infinity;
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
        report();
        break;
      }
    }
  }
}
