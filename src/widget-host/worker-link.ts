/**
 * The worker link of a widget: starts the training worker (lazily, near the viewport), forwards
 * play / pause / step / reset / speed and commands, and hands each state report to the readouts,
 * the metric history and the widget's draw function (at a bounded rate). Training never runs here.
 */
import type { FromWorker, ToWorker } from '../lib/protocol';
import { failureMessage } from './failures';
import type { Values } from '../lib/params';
import type { MetricHistory } from './metric-history';

export interface WorkerLinkHost {
  root: HTMLElement;
  createWorker: () => Worker;
  /** Receives every state report (to draw it). */
  show: (state: FromWorker & { type: 'state' }) => void;
  values: () => Values;
  /** Steps per second of the speed setting. */
  rate: () => number;
  setStatus: (text: string, kind?: 'info' | 'warn' | 'error') => void;
  /** Whether a warning is on show (play keeps it, clears anything else). */
  warning: () => boolean;
  /** The status line's current text. */
  statusText: () => string;
  setMetric: (name: string, v: number | string) => void;
  hasMetric: (name: string) => boolean;
  metricLog: MetricHistory;
  /** Told whenever running or diverged changes (to enable the buttons). */
  onRunning: (running: boolean, diverged: boolean) => void;
  /** The trained checkpoint to start from (absolute URLs), or undefined to start from scratch. */
  checkpoint?: () => { manifest: string; weights: string } | undefined;
}

export interface WorkerLink {
  ensureWorker(): void;
  play(): void;
  pause(): void;
  /** Paused by scrolling out of view: resumes when back in view. */
  autoPause(): void;
  resumeIfAutoPaused(): void;
  stepOnce(): void;
  reset(): void;
  /** Sends new values of live settings to the running model (no reset). */
  update(values: Values): void;
  setRate(stepsPerSecond: number): void;
  command(name: string, payload?: unknown): Promise<unknown>;
  running(): boolean;
}

export function linkWorker(host: WorkerLinkHost): WorkerLink {
  const { root, setStatus, setMetric, metricLog } = host;
  let worker: Worker | null = null;
  let running = false;
  let diverged = false;
  let autoPaused = false;
  /** The model said its run is finished (a sweep at its last point): Play waits for a Reset. */
  let finished = false;
  let cmdId = 0;
  /** Sequence number of the last control message (init/run/pause/step) sent to the worker. */
  let controlSeq = 0;
  /** The loading message on show until the model's first report ('' when none). */
  const LOADING_CODE = 'Loading the training code and TensorFlow.js…';
  const LOADING_MODEL = 'Building the model (MNIST widgets also load the digits)…';
  let loadingShown = '';
  /** Set when the worker failed: the next Reset starts a fresh worker. */
  let failed = false;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  function send(m: ToWorker) {
    ensureWorker();
    worker!.postMessage(m);
  }

  /**
   * Sends a control message stamped with the next sequence number. The worker echoes the number
   * of the last control it handled in every report, and the page adopts the worker's running
   * flag only from a report that answers its latest control: a report written before a Play (or
   * a Pause) arrived must not switch the buttons back.
   */
  function control(m: ToWorker & { type: 'init' | 'run' | 'pause' | 'step' }) {
    if (!worker) {
      // A new worker starts with an init of its own; an init asked for here is that one.
      ensureWorker();
      if (m.type === 'init') return;
    }
    m.seq = ++controlSeq;
    worker!.postMessage(m);
  }

  function ensureWorker() {
    if (worker) return;
    failed = false;
    try {
      worker = host.createWorker();
    } catch (err) {
      setStatus(`This browser could not start the training worker: ${(err as Error).message}`, 'error');
      throw err;
    }
    worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    worker.onerror = (e) => {
      // A module worker whose code fails to load or throws at the top level: the event often has
      // no message (a failed import reports none), so say which stage it was.
      e.preventDefault();
      failed = true;
      loadingShown = '';
      delete root.dataset.loading;
      const what = root.dataset.backend === undefined ? 'The training worker could not load its code' : 'The training worker stopped';
      setStatus(failureMessage('code', e.message ? `${what}: ${e.message}` : what), 'error');
      root.dataset.failed = 'code';
      setRunning(false);
    };
    worker.postMessage({ type: 'speed', stepsPerSecond: host.rate() } satisfies ToWorker);
    worker.postMessage({ type: 'init', params: host.values(), checkpoint: host.checkpoint?.(), seq: ++controlSeq } satisfies ToWorker);
    // Until the model's first report the figure is empty: say what is loading.
    showLoading(LOADING_CODE);
  }

  function showLoading(text: string) {
    if (host.warning() || (loadingShown === '' && host.statusText() !== '') || (loadingShown !== '' && host.statusText() !== loadingShown)) return;
    loadingShown = text;
    root.dataset.loading = 'true';
    setStatus(text);
  }
  function endLoading() {
    delete root.dataset.loading;
    if (loadingShown && host.statusText() === loadingShown) setStatus('');
    loadingShown = '';
  }

  function setRunning(r: boolean) {
    running = r;
    root.dataset.running = String(r);
    host.onRunning(r, diverged);
  }

  function onMessage(m: FromWorker) {
    switch (m.type) {
      case 'ready':
        setMetric('backend', m.label ?? m.backend);
        root.dataset.backend = m.backend;
        if (m.note) setStatus(m.note, 'warn');
        else if (loadingShown) showLoading(LOADING_MODEL);
        break;
      case 'state':
        if (root.dataset.loading) endLoading();
        if ((m.seq === undefined || m.seq === controlSeq) && m.running !== running && !diverged) setRunning(m.running);
        setMetric('step', m.step);
        metricLog.record(m.step, m.metrics);
        for (const [k, v] of Object.entries(m.metrics)) setMetric(k, v);
        if (host.hasMetric('steps_per_s')) setMetric('steps_per_s', Math.round(m.stepsPerSecond * 10) / 10);
        root.dataset.step = String(m.step);
        if (Boolean(m.done) !== finished) {
          finished = Boolean(m.done);
          root.dataset.done = String(finished);
          if (finished && !diverged) setStatus('Finished: this run has shown its result. Reset starts it again.');
        }
        host.show(m);
        break;
      case 'diverged':
        diverged = true;
        setRunning(false);
        setStatus(m.message, 'error');
        root.dataset.diverged = 'true';
        break;
      case 'error':
        failed = true;
        loadingShown = '';
        delete root.dataset.loading;
        setRunning(false);
        setStatus(failureMessage(m.stage, m.message), 'error');
        root.dataset.failed = m.stage;
        break;
      case 'result': {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.error));
        break;
      }
    }
  }

  function play() {
    if (diverged) return;
    if (finished) {
      setStatus('Finished: this run has shown its result. Reset starts it again.');
      return;
    }
    autoPaused = false;
    control({ type: 'run' });
    setRunning(true);
    if (!host.warning() && !loadingShown) setStatus('');
  }
  function autoPause() {
    if (!running) return;
    pause();
    autoPaused = true;
    setStatus('Paused while out of view.');
  }
  function pause() {
    autoPaused = false;
    if (worker) control({ type: 'pause' });
    setRunning(false);
  }
  function stepOnce() {
    if (diverged) return;
    setRunning(false);
    control({ type: 'step', n: 1 });
  }
  function reset() {
    diverged = false;
    delete root.dataset.diverged;
    setRunning(false);
    if (!loadingShown) setStatus('');
    delete root.dataset.failed;
    if (failed && worker) {
      // Start over with a fresh worker: a failed backend or module cannot be re-initialised in place.
      worker.terminate();
      worker = null;
      delete root.dataset.backend;
      for (const p of pending.values()) p.reject(new Error('The training worker was restarted.'));
      pending.clear();
    }
    control({ type: 'init', params: host.values(), checkpoint: host.checkpoint?.() });
  }

  return {
    ensureWorker,
    play,
    pause,
    autoPause,
    resumeIfAutoPaused() {
      if (!autoPaused) return;
      setStatus('');
      play();
    },
    stepOnce,
    reset,
    update(values) {
      // Without a worker there is no model yet: its init will carry these values.
      if (worker && !failed) worker.postMessage({ type: 'update', params: values } satisfies ToWorker);
    },
    setRate(stepsPerSecond) {
      if (worker) worker.postMessage({ type: 'speed', stepsPerSecond } satisfies ToWorker);
    },
    command(name, payload) {
      const cid = ++cmdId;
      return new Promise((resolve, reject) => {
        pending.set(cid, { resolve, reject });
        send({ type: 'command', id: cid, name, payload });
      });
    },
    running: () => running,
  };
}
