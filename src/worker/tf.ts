/**
 * tfjs set-up inside a widget's worker: the WASM binaries are served by the site itself (Vite
 * emits them as assets), and the backend is picked by the model's preference, which a page URL
 * may override for benchmarks with ?backend=webgl (passed to the worker as its name).
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { configureWasm, parseBackendOrder, pickBackend, setBackendLoader, wasmThreads, type BackendName } from '../lib/tf-backend';
import { candidates, choiceLabel, classifyAdapter, classifyRenderer, pickFastest, type BackendChoice, type BackendTiming, type GlKind } from '../lib/backend-choice';
import type { Model } from '../lib/model';
import { StageError } from '../lib/protocol';
import type { BackendInfo } from './start';

/** The WebGPU entry of this worker's navigator, where the browser has one. */
function webgpu(): { requestAdapter(): Promise<{ isFallbackAdapter?: boolean; info?: Record<string, string> } | null> } | undefined {
  return (self.navigator as unknown as { gpu?: ReturnType<typeof webgpu> }).gpu;
}

// tfjs's WebGPU backend is a separate module (about 0.5 MB): imported only when it is tried.
setBackendLoader('webgpu', async () => {
  if (!webgpu()) throw new Error('this browser offers no WebGPU');
  await import('@tensorflow/tfjs-backend-webgpu');
});

/** Hardware or software WebGPU (the adapter the browser would give tfjs), or none. */
async function gpuKind(): Promise<GlKind> {
  try {
    return classifyAdapter(await webgpu()?.requestAdapter());
  } catch {
    return 'none';
  }
}

/**
 * Starts tfjs in the worker. The readout's label says how WASM runs: with threads only where the
 * page is cross-origin isolated (COOP/COEP headers), otherwise single-threaded ("wasm").
 */
export async function initTf(order: BackendName[] = ['wasm', 'webgl', 'cpu'], opts: { probe?: () => Promise<number> } = {}): Promise<BackendInfo> {
  const abs = (u: string) => new URL(u, self.location.href).href;
  configureWasm({
    'tfjs-backend-wasm.wasm': abs(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': abs(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': abs(wasmThreaded),
  });
  // The threaded build needs a cross-origin isolated page (COOP/COEP headers); tfjs then sizes
  // XNNPACK's pool at half the logical cores (so one thread on a 2-core machine).
  const isolated = (self as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const named = new URLSearchParams((self as unknown as { name?: string }).name ?? '');
  const requested = named.get('backend');
  // Where the widget can time itself (opts.probe) and the page's URL does not name a backend:
  // the backend chosen earlier in this browser, or a timing now where a hardware GPU is offered.
  let choice: BackendChoice | undefined;
  let chosenEarlier = false;
  if (!requested && opts.probe) {
    const earlier = parseBackendOrder(named.get('chosen'), [])[0];
    if (earlier && order.includes(earlier)) {
      order = [earlier, ...order.filter((b) => b !== earlier)];
      chosenEarlier = earlier !== 'wasm';
    } else {
      const cands = candidates(glKind(), order.includes('webgpu') ? await gpuKind() : 'none').filter((b) => order.includes(b));
      if (cands.length > 1) {
        const timings: BackendTiming[] = [];
        for (const b of cands) {
          try {
            await pickBackend([b]);
            timings.push({ backend: b, msPerStep: await opts.probe() });
          } catch (err) {
            timings.push({ backend: b, msPerStep: null, error: (err as Error).message });
          }
        }
        choice = { backend: pickFastest(timings), timings, at: Date.now() };
        order = [choice.backend, ...order.filter((b) => b !== choice!.backend)];
      }
    }
  }
  const skipped: string[] = [];
  let name: BackendName;
  try {
    name = await pickBackend(parseBackendOrder(requested, order), (errs) => skipped.push(...errs));
  } catch (err) {
    throw new StageError('backend', (err as Error).message);
  }
  const threads = wasmThreads();
  const plain = name === 'wasm' && isolated ? `wasm (${threads} thread${threads === 1 ? '' : 's'})` : name;
  return {
    name,
    label: choice && choice.backend === name ? choiceLabel(choice) : chosenEarlier && name !== 'wasm' ? `${name} (GPU, timed faster)` : plain,
    note: skipped.length ? `Training on ${name}: ${skipped.join('; ')}.` : undefined,
    choice,
  };
}

/** Hardware or software WebGL in this worker (OffscreenCanvas), or none. */
function glKind(): GlKind {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return 'none';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const kind = classifyRenderer(String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return kind;
  } catch {
    return 'none';
  }
}

/**
 * Milliseconds per training step of a model built by `make` on the current backend: one warm-up
 * step, then the median of `steps` timed steps (each reads its loss back, so GPU work is done).
 */
export async function timeSteps(make: () => Model | Promise<Model>, steps = 3): Promise<number> {
  const model = await make();
  try {
    model.step();
    const ms: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      model.step();
      model.metrics();
      ms.push(performance.now() - t0);
    }
    return ms.sort((a, b) => a - b)[Math.floor(steps / 2)];
  } finally {
    model.dispose();
  }
}

