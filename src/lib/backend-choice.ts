/**
 * Which tfjs backend an MNIST widget trains on where the browser offers a GPU: WASM always
 * works; a hardware WebGL or WebGPU is timed against it on a few training steps when the widget first
 * starts, and the faster one is kept (in the page's localStorage, per widget, so the timing runs
 * once per browser). Software WebGL or WebGPU (SwiftShader, llvmpipe) is never timed: it is far
 * slower than WASM. Pure functions here (tested in Node with fake timings); the worker does the timing
 * (src/worker/tf.ts) and the page stores the choice (src/widget-host/worker-name.ts).
 */
import type { BackendName } from './tf-backend';

export type GlKind = 'hardware' | 'software' | 'none';

export interface BackendTiming {
  backend: BackendName;
  /** Milliseconds per training step (median of the timed steps); null when the backend failed. */
  msPerStep: number | null;
  error?: string;
}

export interface BackendChoice {
  backend: BackendName;
  timings: BackendTiming[];
  /** When the timing ran (ms since the epoch). */
  at: number;
}

/** localStorage key of a widget's stored choice. */
export function choiceKey(widgetId: string): string {
  return `dgm:tf-backend:${widgetId}`;
}

/** A WebGL renderer string (WEBGL_debug_renderer_info) as hardware or software rendering. */
export function classifyRenderer(renderer: string | null | undefined): GlKind {
  if (!renderer) return 'none';
  return /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render/i.test(renderer) ? 'software' : 'hardware';
}

/**
 * A WebGPU adapter as hardware or software: a fallback adapter, or one that names a CPU
 * rasteriser (SwiftShader, llvmpipe, lavapipe), is software.
 */
export function classifyAdapter(adapter: { isFallbackAdapter?: boolean; info?: { vendor?: string; architecture?: string; device?: string; description?: string } } | null | undefined): GlKind {
  if (!adapter) return 'none';
  if (adapter.isFallbackAdapter) return 'software';
  const i = adapter.info ?? {};
  return classifyRenderer([i.vendor, i.architecture, i.device, i.description].filter(Boolean).join(' ') || 'unknown');
}

/** Backends worth timing: WASM, plus WebGL and WebGPU where each runs on real hardware. */
export function candidates(gl: GlKind, gpu: GlKind = 'none'): BackendName[] {
  const out: BackendName[] = ['wasm'];
  if (gpu === 'hardware') out.push('webgpu');
  if (gl === 'hardware') out.push('webgl');
  return out;
}

/**
 * The backend to keep: the fastest by ms per step, where a GPU backend must beat WASM by `margin`
 * (default 1.25x; a GPU that is only as fast costs battery and main-thread compositor time).
 * WASM when nothing else succeeded.
 */
export function pickFastest(timings: BackendTiming[], margin = 1.25): BackendName {
  const ok = timings.filter((t) => t.msPerStep !== null && Number.isFinite(t.msPerStep) && t.msPerStep > 0);
  const wasm = ok.find((t) => t.backend === 'wasm');
  let best: BackendTiming | undefined = wasm;
  for (const t of ok) {
    if (t.backend === 'wasm') continue;
    const bar = best ? (best.backend === 'wasm' ? best.msPerStep! / margin : best.msPerStep!) : Infinity;
    if (t.msPerStep! < bar) best = t;
  }
  return best?.backend ?? 'wasm';
}

/** A stored choice, or null when absent, malformed or naming a backend not allowed here. */
export function parseChoice(raw: string | null | undefined, allowed: BackendName[]): BackendChoice | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as BackendChoice;
    if (!c || typeof c.backend !== 'string' || !allowed.includes(c.backend) || !Array.isArray(c.timings)) return null;
    return c;
  } catch {
    return null;
  }
}

/** The readout's label for a timed choice, e.g. "webgl (GPU, 3.1x wasm)". */
export function choiceLabel(c: BackendChoice): string {
  const wasm = c.timings.find((t) => t.backend === 'wasm')?.msPerStep;
  const mine = c.timings.find((t) => t.backend === c.backend)?.msPerStep;
  if (c.backend === 'wasm') {
    const other = c.timings.find((t) => t.backend !== 'wasm');
    if (!other) return 'wasm';
    return other.msPerStep && wasm ? `wasm (faster than ${other.backend}: ${(other.msPerStep / wasm).toFixed(1)}x)` : `wasm (${other.backend} failed)`;
  }
  return wasm && mine ? `${c.backend} (GPU, ${(wasm / mine).toFixed(1)}x wasm)` : `${c.backend} (GPU)`;
}
