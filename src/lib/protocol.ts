/**
 * The messages between a widget's page code and its training worker. Only plain numbers,
 * strings and typed arrays cross; never tensors.
 */
import type { Values } from './params';

export type Metrics = Record<string, number | string>;

export type ToWorker =
  /** (Re)build the model from scratch: step 0. */
  | { type: 'init'; params: Values }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'step'; n: number }
  /** Target training rate; Infinity means as fast as the worker can go. */
  | { type: 'speed'; stepsPerSecond: number }
  /** Widget-specific request answered by a 'result' message (e.g. draw samples from the fit). */
  | { type: 'command'; id: number; name: string; payload?: unknown };

export type FromWorker =
  | { type: 'ready'; backend: string }
  | {
      type: 'state';
      step: number;
      running: boolean;
      stepsPerSecond: number;
      metrics: Metrics;
      view: unknown;
    }
  | { type: 'result'; id: number; ok: boolean; value?: unknown; error?: string }
  | { type: 'diverged'; step: number; message: string }
  | { type: 'error'; message: string };
