/** Hands the worker's latest state to the widget's draw function, at most 10 times a second while training. */
import type { FromWorker, Metrics } from '../lib/protocol';
import type { Values } from '../lib/params';

export interface DrawContext {
  step: number;
  running: boolean;
  metrics: Metrics;
  values: Values;
  reducedMotion: boolean;
}

type State = FromWorker & { type: 'state' };

export function drawLoop<V>(opts: {
  root: HTMLElement;
  draw: (view: V, ctx: DrawContext) => void;
  values: () => Values;
  reducedMotion: boolean;
  setStatus: (text: string, kind?: 'info' | 'warn' | 'error') => void;
}) {
  const { root, reducedMotion } = opts;
  let latest: State = { type: 'state', step: 0, running: false, stepsPerSecond: 0, metrics: {}, view: null };
  let frame = 0;
  let lastDraw = 0;

  function scheduleDraw() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      // Nothing to draw before the model's first report: draw() always gets a view.
      if (latest.view == null) return;
      const now = performance.now();
      // Bounded redraw rate: 10 Hz while training (2 Hz with reduced motion), always when idle.
      const minGap = latest.running ? (reducedMotion ? 500 : 100) : 0;
      if (now - lastDraw < minGap) {
        setTimeout(scheduleDraw, minGap - (now - lastDraw));
        return;
      }
      lastDraw = now;
      try {
        const t0 = performance.now();
        opts.draw(latest.view as V, { step: latest.step, running: latest.running, metrics: latest.metrics, values: opts.values(), reducedMotion });
        root.dataset.drawMs = (performance.now() - t0).toFixed(1);
      } catch (err) {
        opts.setStatus(`Could not draw: ${(err as Error).message}`, 'error');
      }
    });
  }
  return {
    show(state: State) {
      latest = state;
      scheduleDraw();
    },
    scheduleDraw,
  };
}
