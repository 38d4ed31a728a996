/**
 * The worker link of a widget: starts the training worker (lazily, near the viewport), forwards
 * play / pause / step / reset / speed and commands, and hands each state report to the readouts,
 * the metric history and the widget's draw function (at a bounded rate). Training never runs here.
 */
import type { FromWorker, ToWorker } from '../lib/protocol';
import type { Values } from '../lib/params';
import type { MetricHistory } from './export';

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
  setMetric: (name: string, v: number | string) => void;
  hasMetric: (name: string) => boolean;
  metricLog: MetricHistory;
  /** Told whenever running or diverged changes (to enable the buttons). */
  onRunning: (running: boolean, diverged: boolean) => void;
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
  let cmdId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  function send(m: ToWorker) {
    ensureWorker();
    worker!.postMessage(m);
  }

  function ensureWorker() {
    if (worker) return;
    try {
      worker = host.createWorker();
    } catch (err) {
      setStatus(`This browser could not start the training worker: ${(err as Error).message}`, 'error');
      throw err;
    }
    worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    worker.onerror = (e) => {
      setStatus(`The training worker failed: ${e.message || 'unknown error'}`, 'error');
      setRunning(false);
    };
    worker.postMessage({ type: 'speed', stepsPerSecond: host.rate() } satisfies ToWorker);
    worker.postMessage({ type: 'init', params: host.values() } satisfies ToWorker);
  }

  function setRunning(r: boolean) {
    running = r;
    root.dataset.running = String(r);
    host.onRunning(r, diverged);
  }

  function onMessage(m: FromWorker) {
    switch (m.type) {
      case 'ready':
        setMetric('backend', m.backend);
        root.dataset.backend = m.backend;
        break;
      case 'state':
        if (!m.running && running) setRunning(false);
        setMetric('step', m.step);
        metricLog.record(m.step, m.metrics);
        for (const [k, v] of Object.entries(m.metrics)) setMetric(k, v);
        if (host.hasMetric('steps_per_s')) setMetric('steps_per_s', Math.round(m.stepsPerSecond * 10) / 10);
        root.dataset.step = String(m.step);
        host.show(m);
        break;
      case 'diverged':
        diverged = true;
        setRunning(false);
        setStatus(m.message, 'error');
        root.dataset.diverged = 'true';
        break;
      case 'error':
        setRunning(false);
        setStatus(m.message, 'error');
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
    autoPaused = false;
    send({ type: 'run' });
    setRunning(true);
    if (!host.warning()) setStatus('');
  }
  function autoPause() {
    if (!running) return;
    pause();
    autoPaused = true;
    setStatus('Paused while out of view.');
  }
  function pause() {
    autoPaused = false;
    if (worker) worker.postMessage({ type: 'pause' } satisfies ToWorker);
    setRunning(false);
  }
  function stepOnce() {
    if (diverged) return;
    setRunning(false);
    send({ type: 'step', n: 1 });
  }
  function reset() {
    diverged = false;
    delete root.dataset.diverged;
    setRunning(false);
    setStatus('');
    if (worker) worker.postMessage({ type: 'init', params: host.values() } satisfies ToWorker);
    else ensureWorker();
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
