/**
 * Choosing a tfjs backend, in Node (tests, scripts) and in a Web Worker (the page). The WASM
 * backend is registered here; its .wasm files must be locatable: in Node they are read from
 * node_modules, in the page the worker passes the URLs the site serves (see setWasmPaths).
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export { tf };
export type BackendName = 'wasm' | 'webgl' | 'webgpu' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['wasm', 'webgl', 'webgpu', 'cpu'];

/**
 * Backends that are not bundled with tfjs (WebGPU) register themselves when their module is
 * imported: a loader, set by the worker, imports it the first time that backend is tried.
 */
const loaders = new Map<BackendName, () => Promise<void>>();
export function setBackendLoader(name: BackendName, load: () => Promise<void>) {
  loaders.set(name, load);
}

/**
 * Runs `fn` inside tf.tidy and reads the tensor it returns back to JS outside the tidy. (A
 * typed array returned from tf.tidy is walked element by element in search of tensors: about
 * 23 ms per 100k floats.)
 */
export function readTidy(fn: () => tf.Tensor): Float32Array {
  const t = tf.tidy(fn);
  try {
    return t.dataSync() as Float32Array;
  } finally {
    t.dispose();
  }
}

export function configureWasm(paths: string | Record<string, string>) {
  setWasmPaths(paths as never);
}

/**
 * Tries each backend in order and returns the first that initialises. The order is the model's
 * own preference (tiny MLPs: WASM first; big convolutions on a GPU: WebGL first).
 */
export async function pickBackend(order: BackendName[], onSkipped?: (errors: string[]) => void): Promise<BackendName> {
  const errors: string[] = [];
  for (const name of order) {
    try {
      const load = loaders.get(name);
      if (load && !tf.findBackendFactory(name)) await load();
      const ok = await tf.setBackend(name);
      if (ok) {
        await tf.ready();
        // A quick sanity check: some software GL stacks initialise and then return garbage.
        const v = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]);
        if (v === 11) {
          if (errors.length) onSkipped?.(errors);
          return name;
        }
        errors.push(`${name}: wrong result ${v}`);
      } else errors.push(`${name}: did not initialise`);
    } catch (err) {
      errors.push(`${name}: ${(err as Error).message}`);
    }
  }
  throw new Error(`No tfjs backend could start (${errors.join('; ')})`);
}

/** Threads the WASM backend runs on (1 without cross-origin isolation or before it started). */
export function wasmThreads(): number {
  try {
    return getThreadsCount();
  } catch {
    return 1;
  }
}

/** Parses a backend order like "webgpu,wasm,cpu" (from a page URL); unknown names are dropped. */
export function parseBackendOrder(s: string | null | undefined, fallback: BackendName[]): BackendName[] {
  if (!s) return fallback;
  const names = s.split(',').map((x) => x.trim()).filter((x): x is BackendName => (BACKEND_NAMES as string[]).includes(x));
  return names.length ? names : fallback;
}
