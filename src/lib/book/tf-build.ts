/** tfjs at build time (static figures): one WASM backend start (reading the .wasm from node_modules) for every figure. */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { configureWasm, pickBackend, tf } from '../tf-backend';

let backendReady: Promise<string> | null = null;

export function buildBackend(): Promise<string> {
  if (!backendReady) {
    backendReady = (async () => {
      const b = tf.getBackend();
      if (b === 'wasm' || b === 'cpu') {
        await tf.ready();
        return b;
      }
      const require = createRequire(import.meta.url);
      configureWasm(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
      return pickBackend(['wasm', 'cpu']);
    })();
  }
  return backendReady;
}
