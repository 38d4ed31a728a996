/**
 * What the status line says about the training worker's life: a loading message until the
 * model's first report, and a message for every failure, by stage (failures.ts). A failure is
 * remembered until a fresh worker starts: the next Reset starts one.
 */
import type { FailureStage } from '../lib/protocol';
import { failureMessage } from './failures';

export const LOADING_CODE = 'Loading the training code and TensorFlow.js…';
export const LOADING_MODEL = 'Building the model (MNIST widgets also load the digits)…';

export interface StatusHost {
  root: HTMLElement;
  setStatus: (text: string, kind?: 'info' | 'warn' | 'error') => void;
  /** Whether a warning is on show. */
  warning: () => boolean;
  /** The status line's current text. */
  statusText: () => string;
}

export interface WorkerStatus {
  /** Says what is loading, unless the status line has other news. */
  loading(text: string): void;
  /** The model's first report: the loading message goes. */
  loaded(): void;
  /** Whether a loading message is on show. */
  isLoading(): boolean;
  /** The worker failed at `stage`: says what failed and what to do. */
  fail(stage: FailureStage, message: string): void;
  /** The worker's code failed to load or it stopped (an error event). */
  crashed(e: ErrorEvent): void;
  /** This browser could not create the worker. */
  cannotStart(err: Error): void;
  /** Whether the worker failed (Reset then starts a fresh one). */
  failed(): boolean;
  /** A fresh worker: no failure on record. */
  fresh(): void;
}

export function workerStatus(host: StatusHost): WorkerStatus {
  const { root, setStatus } = host;
  /** The loading message on show until the model's first report ('' when none). */
  let loadingShown = '';
  let failed = false;

  function fail(stage: FailureStage, message: string) {
    failed = true;
    loadingShown = '';
    delete root.dataset.loading;
    setStatus(failureMessage(stage, message), 'error');
    root.dataset.failed = stage;
  }

  return {
    loading(text) {
      const other = loadingShown === '' ? host.statusText() !== '' : host.statusText() !== loadingShown;
      if (host.warning() || other) return;
      loadingShown = text;
      root.dataset.loading = 'true';
      setStatus(text);
    },
    loaded() {
      delete root.dataset.loading;
      if (loadingShown && host.statusText() === loadingShown) setStatus('');
      loadingShown = '';
    },
    isLoading: () => loadingShown !== '',
    fail,
    crashed(e) {
      // A module worker whose code fails to load or throws at the top level: the event often has
      // no message (a failed import reports none), so say which stage it was.
      const what = root.dataset.backend === undefined ? 'The training worker could not load its code' : 'The training worker stopped';
      fail('code', e.message ? `${what}: ${e.message}` : what);
    },
    cannotStart: (err) => setStatus(`This browser could not start the training worker: ${err.message}`, 'error'),
    failed: () => failed,
    fresh() {
      failed = false;
    },
  };
}
