/**
 * What every trainable widget model implements. Models are pure TypeScript (tfjs allowed, DOM
 * not), so the same code runs in Node tests and in a Web Worker.
 */
import type { Values } from './params';
import type { Metrics } from './protocol';
import type { NamedWeights } from './checkpoint';

export interface Model {
  /** One training step (one EM iteration, one optimiser update, ...). */
  step(): void;
  /** Live numbers for the readout; every value a plain number (or short text). */
  metrics(): Metrics;
  /** Plain data for the charts (numbers, arrays, Float32Arrays). */
  view(): unknown;
  /**
   * Optional: takes new values of the live settings (those with ParamSpec.live) into the
   * running model (new learning rates, loss weights, optimiser kinds, batch sizes) without
   * rebuilding it. `values` holds every setting; settings that are not live are unchanged.
   * A widget that marks a setting live implements this.
   */
  update?(values: Values): void;
  /** Optional widget-specific requests (sampling, completion, ...). */
  command?(name: string, payload: unknown): unknown | Promise<unknown>;
  /**
   * Optional: true once the run has shown its result (a sweep that reached its last point, a
   * walk that arrived). The worker then stops playing and says so; Reset starts a new run.
   */
  done?(): boolean;
  /** Optional: the trained weights by name (checkpoints, lib/checkpoint.ts). */
  save?(): NamedWeights;
  /**
   * Optional: puts saved weights in place (same names and sizes as save() gives) and continues
   * counting steps from `step`. The optimiser starts afresh. Throws naming a missing or wrong tensor.
   * `stated`: the checkpoint manifest's metric values (name to number), for numbers that belong to
   * the run the weights came from rather than to these weights (e.g. a baseline measured at its
   * initialisation).
   */
  load?(weights: NamedWeights, step: number, stated?: Record<string, number>): void;
  dispose(): void;
}

export type ModelFactory = (params: Values) => Model | Promise<Model>;

/** Names of metrics whose non-finite value means the run diverged. */
export function firstNonFinite(metrics: Metrics, names?: string[]): string | null {
  for (const [k, v] of Object.entries(metrics)) {
    if (names && !names.includes(k)) continue;
    if (typeof v === 'number' && !Number.isFinite(v)) return k;
  }
  return null;
}

/** Runs n steps headlessly (tests, scripts, static figures). Throws on divergence. */
export function train(model: Model, n: number, check: string[] | undefined = undefined): Metrics {
  for (let i = 0; i < n; i++) model.step();
  const m = model.metrics();
  const bad = firstNonFinite(m, check);
  if (bad) throw new Error(`diverged: ${bad} = ${m[bad]}`);
  return m;
}

/** What the benchmark needs to know about a widget's model (exported as `bench` by settings.ts). */
export interface BenchInfo {
  /** tfjs model (timed on every backend) or plain JavaScript. */
  tf: boolean;
  /** The factory takes the MNIST digits as its second argument. */
  needsMnist?: boolean;
  /** Steps timed by the benchmark (after a short warm-up). */
  steps: number;
}
