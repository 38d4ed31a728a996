/** The live numbers under a widget: one `[data-metric]` per metric, with the full value in data-value. */
import { el } from './dom';
import type { MetricSpec } from '../lib/metrics';

export type { MetricSpec };

export function formatMetric(v: number | string, spec: MetricSpec): string {
  if (typeof v === 'string') return v;
  if (spec.format) return spec.format(v);
  if (!Number.isFinite(v)) return String(v);
  if (spec.decimals !== undefined) {
    const d = Math.max(0, Math.min(10, Math.round(spec.decimals)));
    // No "-0.0000": a value that rounds to zero reads 0.
    return Math.abs(v) < 0.5 * 10 ** -d ? (0).toFixed(d) : v.toFixed(d);
  }
  // Counts (no digits given) as they are; a readout with digits always shows them (-1.000, not -1).
  if (spec.digits === undefined && Number.isInteger(v) && Math.abs(v) < 1e9) return String(v);
  const d = spec.digits ?? 4;
  const a = Math.abs(v);
  // Zero up to rounding (1e-247 is a float's way of saying 0): shown as 0 with the usual digits.
  if (a < 1e-12) return (0).toFixed(Math.max(1, d - 1));
  if (a < 1e-3 || a >= 1e6) return v.toExponential(Math.max(1, d - 1));
  // d significant digits above 1 (12.345 with 4 is 12.35), d - 1 decimals below, and never fewer
  // than two significant digits (0.002 with 3 digits is 0.0020, not 0.00).
  const magnitude = Math.floor(Math.log10(a));
  return v.toFixed(Math.min(8, Math.max(0, d - 1 - Math.max(0, magnitude), -magnitude + 1)));
}

export interface Readouts {
  el: HTMLElement;
  has(name: string): boolean;
  set(name: string, v: number | string): void;
  /** Shows a state report: its step, its metrics and the measured steps per second (where shown). */
  showState(m: { step: number; metrics: Record<string, number | string>; stepsPerSecond: number }): void;
}

/** `step` first and `backend` last around the widget's own metrics. */
export function createReadouts(metrics: MetricSpec[]): Readouts {
  const readouts = el('dl', { class: 'readouts', 'aria-label': 'Live numbers' });
  const metricEls = new Map<string, HTMLElement>();
  const allMetrics: MetricSpec[] = [
    { name: 'step', label: 'step' },
    ...metrics.filter((m) => m.name !== 'step' && m.name !== 'backend'),
    { name: 'backend', label: 'backend' },
  ];
  for (const m of allMetrics) {
    const wrap = el('div');
    // Shown once the model reports a value (some metrics apply only to some settings).
    wrap.hidden = m.name !== 'step';
    const dt = el('dt', m.title ? { title: m.title } : {}, m.label);
    const dd = el('dd', { 'data-metric': m.name, 'data-value': '' }, '–');
    wrap.append(dt, dd);
    readouts.append(wrap);
    metricEls.set(m.name, dd);
  }
  function set(name: string, v: number | string) {
    const dd = metricEls.get(name);
    if (!dd) return;
    const spec = allMetrics.find((m) => m.name === name)!;
    const text = formatMetric(v, spec);
    if (dd.parentElement) dd.parentElement.hidden = false;
    dd.dataset.value = String(v);
    if (dd.textContent !== text) dd.textContent = text;
  }
  return {
    el: readouts,
    has: (name) => metricEls.has(name),
    set,
    showState(m) {
      set('step', m.step);
      for (const [k, v] of Object.entries(m.metrics)) set(k, v);
      // A paused widget has no rate: a dash, not 0.
      if (metricEls.has('steps_per_s')) set('steps_per_s', m.stepsPerSecond > 0 ? Math.round(m.stepsPerSecond * 10) / 10 : '–');
    },
  };
}
