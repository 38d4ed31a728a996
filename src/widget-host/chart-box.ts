// Small DOM helpers shared by the widgets' chart areas (no Plot import, so any widget may use them).
/** A box for one chart: `class="chart"` plus extra classes, labelled for assistive technology. */
export function chartBox(label?: string, extraClass?: string): HTMLDivElement {
  const box = document.createElement('div');
  box.className = extraClass ? `chart ${extraClass}` : 'chart';
  if (label) box.setAttribute('aria-label', label);
  return box;
}

/** The width a chart in `box` is drawn at: the box's width, at most 720 px. */
export function chartWidth(box: HTMLElement, fallback = 640): number {
  return Math.min(720, box.clientWidth || fallback);
}

/**
 * Spreads chart redraws over animation frames, one chart per frame, so that a widget with five
 * charts does not block the page for the time of all five at once. Jobs are keyed by chart box:
 * a newer redraw of a box replaces one still waiting (the latest view wins, in its old place).
 */
export function frameQueue(): (key: object, job: () => void) => void {
  const jobs = new Map<object, () => void>();
  let raf = 0;
  const run = () => {
    raf = 0;
    const next = jobs.entries().next();
    if (next.done) return;
    const [key, job] = next.value;
    jobs.delete(key);
    job();
    if (jobs.size) raf = requestAnimationFrame(run);
  };
  return (key, job) => {
    jobs.set(key, job);
    if (!raf) raf = requestAnimationFrame(run);
  };
}

/**
 * Draws `render()` into `box` through a frame queue, or hides and empties the box when there is
 * nothing to show (`render` null): for charts that only some settings have.
 */
export function drawOrHide(later: (key: object, job: () => void) => void, box: HTMLElement, render: (() => Node) | null): void {
  box.hidden = render === null;
  later(box, () => (render ? box.replaceChildren(render()) : box.replaceChildren()));
}

/**
 * Whether a chart's data changed since it was last drawn: true when `key` differs from the key
 * last given for `box`. Charts of slowly growing records skip the redraws that would change nothing.
 */
const lastKeys = new WeakMap<object, string>();
export function keyChanged(box: object, key: string): boolean {
  if (lastKeys.get(box) === key) return false;
  lastKeys.set(box, key);
  return true;
}
