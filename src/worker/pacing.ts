/**
 * The worker's pace: how many steps the speed setting allows, the measured steps per second, and
 * when the next state report is due. The host owns this cadence; models never time themselves.
 */

/** Recent (time, step) points: the measured rate and the steps a target rate allows. */
export class RateWindow {
  private points: { t: number; step: number }[] = [];

  /** Forgets every point (a new model). */
  clear() {
    this.points = [];
  }

  /** Starts measuring from this point (Play). */
  restart(t: number, step: number) {
    this.points = [{ t, step }];
  }

  /** Adds a point after some steps (or the first one); keeps about the last 2 s. */
  add(t: number, step: number, stepped: boolean) {
    if (!stepped && this.points.length > 0) return;
    this.points.push({ t, step });
    while (this.points.length > 2 && t - this.points[0].t > 2000) this.points.shift();
  }

  /** Steps per second over the window (0 before two points). */
  perSecond(): number {
    if (this.points.length < 2) return 0;
    const a = this.points[0];
    const b = this.points[this.points.length - 1];
    const dt = (b.t - a.t) / 1000;
    return dt > 0 ? (b.step - a.step) / dt : 0;
  }

  /** The steps `targetRate` (steps per second; Infinity: no limit) allows since the last point. */
  budget(now: number, targetRate: number): number {
    if (!Number.isFinite(targetRate)) return Infinity;
    const last = this.points[this.points.length - 1];
    const elapsed = last ? (now - last.t) / 1000 : 0;
    return Math.max(0, Math.floor(elapsed * targetRate));
  }
}

/** How long the loop sleeps between slices at a target rate (0 at full speed: it only yields). */
export function sliceWait(targetRate: number): number {
  return Number.isFinite(targetRate) ? Math.max(1, Math.min(250, 1000 / targetRate)) : 0;
}

/**
 * When the next state report is due while running: at least `minMs` after the last, and four
 * times what the last report cost (metrics() + view()), so that evaluation and view work take at
 * most about a fifth of the worker's time (capped at 2 s between reports).
 */
export class ReportClock {
  private last = 0;
  private every: number;

  constructor(private readonly minMs: number) {
    this.every = minMs;
  }

  /** A report starts at `t`. */
  started(t: number) {
    this.last = t;
  }

  /** The report's metrics() and view() took `ms`. */
  took(ms: number) {
    this.every = Math.min(2000, Math.max(this.minMs, 4 * ms));
  }

  due(now: number): boolean {
    return now - this.last >= this.every;
  }
}
