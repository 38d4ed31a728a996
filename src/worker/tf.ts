/**
 * tfjs set-up inside a widget's worker: the WASM binaries are served by the site itself (Vite
 * emits them as assets), and the backend is picked by the model's preference, which a page URL
 * may override for benchmarks with ?backend=webgl (passed to the worker as its name).
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { configureWasm, parseBackendOrder, pickBackend, wasmThreads, type BackendName } from '../lib/tf-backend';
import { StageError } from '../lib/protocol';
import type { BackendInfo } from './host';

/**
 * Starts tfjs in the worker. The readout's label says how WASM runs: with threads only where the
 * page is cross-origin isolated (COOP/COEP headers), otherwise single-threaded ("wasm").
 */
export async function initTf(order: BackendName[] = ['wasm', 'webgl', 'cpu']): Promise<BackendInfo> {
  const abs = (u: string) => new URL(u, self.location.href).href;
  configureWasm({
    'tfjs-backend-wasm.wasm': abs(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': abs(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': abs(wasmThreaded),
  });
  // The threaded build needs a cross-origin isolated page (COOP/COEP headers); tfjs then sizes
  // XNNPACK's pool at half the logical cores (so one thread on a 2-core machine).
  const isolated = (self as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const requested = new URLSearchParams((self as unknown as { name?: string }).name ?? '').get('backend');
  const skipped: string[] = [];
  let name: BackendName;
  try {
    name = await pickBackend(parseBackendOrder(requested, order), (errs) => skipped.push(...errs));
  } catch (err) {
    throw new StageError('backend', (err as Error).message);
  }
  const threads = wasmThreads();
  return {
    name,
    label: name === 'wasm' && isolated ? `wasm (${threads} thread${threads === 1 ? '' : 's'})` : name,
    note: skipped.length ? `Training on ${name}: ${skipped.join('; ')}.` : undefined,
  };
}

