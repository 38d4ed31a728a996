/**
 * When the worker's training loop runs next. Between slices at full speed the loop yields with a
 * MessageChannel post, not setTimeout(0): a worker clamps setTimeout(0) to about 4 ms, which cost
 * 4-15 % of training time. The yield still lets queued messages (pause, step, commands) run
 * before the next slice. Node (tests, scripts) has setImmediate instead: there a port's messages
 * can starve the timers.
 */
export interface Scheduler {
  /** Runs the loop after `wait` ms (0 or less: yield, then run). */
  schedule(wait: number): void;
  /** Forgets a scheduled run. */
  cancel(): void;
  /** Whether a run is scheduled. */
  scheduled(): boolean;
}

export function createScheduler(run: () => void): Scheduler {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let yielding = false;
  let yieldId = 0;
  const tick = () => {
    timer = null;
    run();
  };
  const resume = (id: number) => {
    if (!yielding || id !== yieldId) return; // cancelled, or superseded by a later yield
    yielding = false;
    tick();
  };
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  const channel = !immediate && typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;
  if (channel) channel.port1.onmessage = (e: MessageEvent<number>) => resume(e.data);
  return {
    schedule(wait) {
      if (wait <= 0 && (immediate || channel)) {
        yielding = true;
        const id = ++yieldId;
        if (immediate) immediate(() => resume(id));
        else channel!.port2.postMessage(id);
      } else timer = setTimeout(tick, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      yielding = false;
    },
    scheduled: () => timer !== null || yielding,
  };
}
