/**
 * The generic training loop that runs inside a widget's Web Worker. A worker file is two lines:
 *   import { serve } from './host';
 *   serve(createMyModel, { backend: () => initTf() });
 * Training happens here in time-boxed slices; state goes back to the page at a bounded rate.
 */
import type { Model, ModelFactory } from '../lib/model';
import { firstNonFinite } from '../lib/model';
import type { FromWorker, ToWorker } from '../lib/protocol';

interface ServeOptions {
  /** Picks and initialises the compute backend; returns its name ("wasm", "webgl", "cpu", "js"). */
  backend?: () => Promise<string>;
  /** Metrics whose non-finite value pauses training as diverged (default: all numeric metrics). */
  watch?: string[];
  /** Longest slice of training between message checks, in ms. */
  sliceMs?: number;
  /** Minimum interval between state messages, in ms. */
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
  let timer: ReturnType<typeof setTimeout> | null = null;
  let rateWindow: { t: number; step: number }[] = [];
  let ready: Promise<string> | null = null;
  let generation = 0;
  let diverged = false;

  const post = (m: FromWorker) => ctx.postMessage(m);

  function stepsPerSecond(): number {
    if (rateWindow.length < 2) return 0;
    const a = rateWindow[0];
    const b = rateWindow[rateWindow.length - 1];
    const dt = (b.t - a.t) / 1000;
    return dt > 0 ? (b.step - a.step) / dt : 0;
  }

  function report() {
    if (!model) return;
    lastReport = performance.now();
    let metrics;
    let view;
    try {
      metrics = model.metrics();
      view = model.view();
    } catch (err) {
      running = false;
      post({ type: 'error', message: `Could not read the model's state: ${(err as Error).message}` });
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
    post({ type: 'state', step, running, stepsPerSecond: running ? stepsPerSecond() : 0, metrics, view });
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
        if (!doSteps(1)) return;
        done++;
      }
    }
    const now = performance.now();
    if (done > 0 || rateWindow.length === 0) {
      rateWindow.push({ t: now, step });
      while (rateWindow.length > 2 && now - rateWindow[0].t > 2000) rateWindow.shift();
    }
    if (now - lastReport >= reportMs) report();
    if (running) {
      const wait = Number.isFinite(targetRate) ? Math.max(1, Math.min(250, 1000 / targetRate)) : 0;
      timer = setTimeout(tick, wait);
    }
  }

  async function init(params: ToWorker & { type: 'init' }) {
    const gen = ++generation;
    running = false;
    if (timer) clearTimeout(timer);
    timer = null;
    if (!ready) {
      ready = (opts.backend ? opts.backend() : Promise.resolve('js')).then((b) => {
        post({ type: 'ready', backend: b });
        return b;
      });
    }
    await ready;
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
      post({ type: 'error', message: (err as Error).message });
      return;
    }
    report();
  }

  let queue: Promise<void> = Promise.resolve();
  ctx.onmessage = (e: MessageEvent<ToWorker>) => {
    const msg = e.data;
    // Messages are handled in order; init is async (backend, data loading).
    queue = queue.then(() => handle(msg)).catch((err) => post({ type: 'error', message: String(err?.message ?? err) }));
  };

  async function handle(msg: ToWorker) {
    switch (msg.type) {
      case 'init':
        await init(msg);
        break;
      case 'run':
        if (!model || diverged) return;
        if (!running) {
          running = true;
          rateWindow = [{ t: performance.now(), step }];
          if (!timer) timer = setTimeout(tick, 0);
        }
        report();
        break;
      case 'pause':
        running = false;
        if (timer) clearTimeout(timer);
        timer = null;
        report();
        break;
      case 'step':
        if (!model) return;
        running = false;
        if (timer) clearTimeout(timer);
        timer = null;
        doSteps(Math.max(1, Math.floor(msg.n)));
        report();
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
