/**
 * The messages between a widget's page code and its training worker. Only plain numbers,
 * strings and typed arrays cross; never tensors.
 */
import type { Values } from './params';
import type { BackendChoice } from './backend-choice';

export type Metrics = Record<string, number | string>;

/**
 * Control messages carry a sequence number that the worker echoes in every state report, so
 * that the page adopts the worker's running flag only once the worker has seen its latest
 * control (a report written before a Play arrived must not switch the buttons back).
 */
export type ToWorker =
  /**
   * (Re)build the model from scratch: step 0; or, with `checkpoint`, from a trained checkpoint
   * (absolute URLs of its manifest and weights, lib/checkpoint.ts): step = the checkpoint's steps.
   */
  | { type: 'init'; params: Values; seq?: number; checkpoint?: { manifest: string; weights: string } }
  | { type: 'run'; seq?: number }
  | { type: 'pause'; seq?: number }
  | { type: 'step'; n: number; seq?: number }
  /**
   * New values of live settings (ParamSpec.live: learning rates, loss weights, optimiser
   * settings) for the running model: Model.update takes them, the step count and weights stay.
   */
  | { type: 'update'; params: Values }
  /** Target training rate; Infinity means as fast as the worker can go. */
  | { type: 'speed'; stepsPerSecond: number }
  /** Widget-specific request answered by a 'result' message (e.g. draw samples from the fit). */
  | { type: 'command'; id: number; name: string; payload?: unknown };

/** Where a worker failed: each stage gets its own message and advice on the page. */
export type FailureStage = 'code' | 'backend' | 'data' | 'model' | 'checkpoint' | 'step' | 'view' | 'command';

/** An error that knows its stage (thrown by set-up code inside the worker, e.g. the MNIST loader). */
export class StageError extends Error {
  constructor(
    readonly stage: FailureStage,
    message: string,
  ) {
    super(message);
    this.name = 'StageError';
  }
}

export type FromWorker =
  /** `backend` is the name ("wasm"); `label` says more ("wasm (2 threads)"); `note` why a preferred backend was skipped. */
  | { type: 'ready'; backend: string; label?: string; note?: string; choice?: BackendChoice }
  | {
      type: 'state';
      /** The sequence number of the last control message the worker handled. */
      seq?: number;
      step: number;
      running: boolean;
      /** The model says its run is finished (Model.done): Play and Step do nothing until Reset. */
      done?: boolean;
      stepsPerSecond: number;
      metrics: Metrics;
      view: unknown;
    }
  | { type: 'result'; id: number; ok: boolean; value?: unknown; error?: string }
  | { type: 'diverged'; step: number; message: string }
  | { type: 'error'; stage: FailureStage; message: string };
