/** The worker link's types: what linkWorker() needs from the controller, and what it gives back. */
import type { FromWorker } from '../lib/protocol';
import type { Values } from '../lib/params';
import type { MetricHistory } from './metric-history';
import type { Readouts } from './readouts';
import type { StatusHost } from './worker-status';

export interface WorkerLinkHost extends StatusHost {
  createWorker: () => Worker;
  /** Receives every state report (to draw it). */
  show: (state: FromWorker & { type: 'state' }) => void;
  values: () => Values;
  /** Steps per second of the speed setting. */
  rate: () => number;
  readouts: Readouts;
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
