/** Starts tfjs in Node on the WASM backend (the page's default), reading the .wasm from node_modules. */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { configureWasm, pickBackend, tf, type BackendName } from '../../../src/lib/tf-backend';

let started: Promise<string> | null = null;

export function startTf(order: BackendName[] = ['wasm', 'cpu']): Promise<string> {
  if (!started) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    configureWasm(dir + '/');
    started = pickBackend(order);
  }
  return started;
}

export { tf, pathToFileURL };
