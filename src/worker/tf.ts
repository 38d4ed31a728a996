/**
 * tfjs set-up inside a widget's worker: the WASM binaries are served by the site itself (Vite
 * emits them as assets), and the backend is picked by the model's preference, which a page URL
 * may override for benchmarks with ?backend=webgl (passed to the worker as its name).
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { configureWasm, parseBackendOrder, pickBackend, type BackendName } from '../lib/tf-backend';

export async function initTf(order: BackendName[] = ['wasm', 'webgl', 'cpu']): Promise<string> {
  const abs = (u: string) => new URL(u, self.location.href).href;
  configureWasm({
    'tfjs-backend-wasm.wasm': abs(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': abs(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': abs(wasmThreaded),
  });
  const requested = new URLSearchParams((self as unknown as { name?: string }).name ?? '').get('backend');
  return pickBackend(parseBackendOrder(requested, order));
}

export { workerName } from '../widget-host/worker-name';
