/**
 * Drawing a target on the gan-2d plane: with drawing on ("Draw target"), pointer events (mouse,
 * pen and touch) add points; lifting the pointer makes them the target (custom points), which
 * restarts the model.
 */
import type { WidgetHandle } from '../../widget-host/controller';
import { DRAWN_SIGMA, EXTENT, MAX_DRAWN, parseDrawn } from './data';

export class TargetDrawing {
  /** Whether drawing is on. */
  on = false;
  /** The points drawn so far (the current custom target's when drawing starts). */
  points: number[][] | null = null;
  private drawing = false;

  constructor(private readonly redraw: () => void) {}

  /** What the plane shows of the drawing: its points while drawing is on. */
  shown(): number[][] | null {
    return this.on ? this.points : null;
  }

  /** Turns drawing on or off; returns whether it is on. */
  toggle(h: WidgetHandle): boolean {
    this.on = !this.on;
    this.points = h.values().target === 'custom' ? parseDrawn(String(h.values().points)) : [];
    return this.on;
  }

  /** Listens on the plane's canvas. */
  bind(c: HTMLCanvasElement, h: WidgetHandle) {
    c.style.touchAction = 'none';
    const toPlane = (e: PointerEvent): [number, number] => {
      const r = c.getBoundingClientRect();
      const x = ((e.clientX - r.left) / r.width) * 2 * EXTENT - EXTENT;
      const y = EXTENT - ((e.clientY - r.top) / r.height) * 2 * EXTENT;
      return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
    };
    const add = (e: PointerEvent) => {
      if (!this.points) this.points = [];
      const drawn = this.points;
      const p = toPlane(e);
      if (Math.abs(p[0]) > EXTENT || Math.abs(p[1]) > EXTENT) return;
      const last = drawn[drawn.length - 1];
      if (last && Math.hypot(last[0] - p[0], last[1] - p[1]) < 0.06) return;
      if (drawn.length >= MAX_DRAWN) return;
      drawn.push(p);
      this.redraw();
    };
    c.addEventListener('pointerdown', (e) => {
      if (!this.on) return;
      this.drawing = true;
      c.setPointerCapture?.(e.pointerId);
      add(e);
      e.preventDefault();
    });
    c.addEventListener('pointermove', (e) => {
      if (this.drawing) add(e);
    });
    const finish = () => {
      if (!this.drawing) return;
      this.drawing = false;
      const drawn = this.points;
      if (!drawn || drawn.length === 0) return;
      const errs = h.setParams({ target: 'custom', points: drawn.map(([x, y]) => `${x} ${y}`).join('; ') });
      if (errs.length) h.setStatus(errs.join(' '), 'error');
      else h.setStatus(`Target: your ${drawn.length} points (each a Gaussian of radius ${DRAWN_SIGMA}); the model restarted.`);
    };
    c.addEventListener('pointerup', finish);
    c.addEventListener('pointercancel', finish);
  }
}
