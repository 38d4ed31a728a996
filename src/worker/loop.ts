/**
 * The training loop inside a widget's worker: steps the model in time-boxed slices at the speed
 * asked for and sends its state (metrics, view) at the pace of pacing.ts. A non-finite watched
 * metric, or a step that throws, pauses the run as diverged until the next init.
 */
import type { Model } from '../lib/model';
import { firstNonFinite } from '../lib/model';
import type { FailureStage, FromWorker } from '../lib/protocol';
import { RateWindow, ReportClock, sliceWait } from './pacing';
import { createScheduler } from './scheduler';

export type Post = (m: FromWorker) => void;
/** Posts a failure of `stage` (a StageError keeps its own stage and message). */
export type Fail = (stage: FailureStage, err: unknown, prefix: string) => void;

/** serve()'s options: the watched metrics, the slice length and the shortest report interval (ms). */
export interface LoopOptions { watch?: string[]; sliceMs: number; reportMs: number }

export type Loop = ReturnType<typeof createLoop>;

export function createLoop(opts: LoopOptions, post: Post, fail: Fail) {
  let model: Model | null = null;
  let step = 0;
  let running = false;
  let diverged = false;
  let targetRate = Infinity;
  /** The sequence number of the last control message handled: every report answers it. */
  let seq = 0;
  const rates = new RateWindow();
  const clock = new ReportClock(opts.reportMs);
  const scheduler = createScheduler(tick);

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
    clock.started(t0);
    let metrics, view;
    try {
      metrics = model.metrics();
      view = model.view();
      clock.took(performance.now() - t0);
    } catch (err) {
      running = false;
      fail('view', err, "Could not read the model's state");
      return;
    }
    const bad = firstNonFinite(metrics, opts.watch);
    if (bad && !diverged) {
      diverged = true;
      running = false;
      const message = `Training diverged at step ${step}: ${bad} became ${metrics[bad]}. Lower the learning rate or change the settings, then press Reset.`;
      post({ type: 'diverged', step, message });
    }
    post({ type: 'state', seq, step, running, done: finished(), stepsPerSecond: running ? rates.perSecond() : 0, metrics, view });
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
    if (!running || !model) return;
    const t0 = performance.now();
    const budget = rates.budget(t0, targetRate);
    let done = 0;
    while (budget > 0 && performance.now() - t0 < opts.sliceMs && done < budget) {
      if (finished()) {
        // The run has shown its result: stop playing (and say so at once).
        running = false;
        break;
      }
      if (!doSteps(1)) return;
      done++;
    }
    const now = performance.now();
    rates.add(now, step, done > 0);
    if (!running || clock.due(now)) report();
    if (running) scheduler.schedule(sliceWait(targetRate));
  }

  /** Stops playing (training stays where it is). */
  function halt() {
    running = false;
    scheduler.cancel();
  }

  return {
    model: () => model,
    running: () => running,
    report,
    /** Reports from here on answer the control message numbered `s`. */
    answer: (s: number) => void (seq = s),
    /** Disposes the model and starts counting from zero (a new init). */
    clear() {
      model?.dispose();
      model = null;
      step = 0;
      diverged = false;
      rates.clear();
    },
    /** Trains `m` from here on, counting on from `fromStep` (a trained checkpoint's steps). */
    install(m: Model, fromStep = 0) {
      model = m;
      step = fromStep;
    },
    halt,
    run() {
      if (!model || diverged) return;
      if (!running && !finished()) {
        running = true;
        rates.restart(performance.now(), step);
        if (!scheduler.scheduled()) scheduler.schedule(0);
      }
      report();
    },
    pause() {
      halt();
      report();
    },
    stepN(n: number) {
      if (!model) return;
      halt();
      if (!finished()) doSteps(Math.max(1, Math.floor(n)));
      report();
    },
    /** Steps per second of the speed setting (0 or less: as fast as it goes). */
    speed: (stepsPerSecond: number) => void (targetRate = stepsPerSecond > 0 ? stepsPerSecond : Infinity),
  };
}
