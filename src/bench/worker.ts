/**
 * Benchmark worker: trains every registered widget model with its default settings for a fixed
 * number of steps on each backend and reports steps per second (and whether tensors leaked).
 */
import { MODELS } from './models';
import { defaults } from '../lib/params';
import { configureWasm, pickBackend, tf, type BackendName } from '../lib/tf-backend';
import { initTf } from '../worker/tf';
import { getMnist } from '../worker/mnist';

export interface BenchResult {
  id: string;
  backend: string;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  tensorsLeaked: number;
  error?: string;
}

void configureWasm;
const post = (m: unknown) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<{ ids?: string[]; backends?: BackendName[]; scale?: number }>) => {
  const ids = e.data.ids?.length ? e.data.ids : MODELS.map((m) => m.id);
  const backends = e.data.backends?.length ? e.data.backends : (['wasm', 'webgl', 'cpu'] as BackendName[]);
  const scale = e.data.scale ?? 1;
  await initTf(['wasm', 'cpu']); // registers the WASM file locations
  for (const entry of MODELS.filter((m) => ids.includes(m.id))) {
    const list = entry.tf ? backends : ['js'];
    for (const backend of list) {
      const steps = Math.max(1, Math.round(entry.benchSteps * scale));
      try {
        if (backend !== 'js') await pickBackend([backend as BackendName]);
        const data = entry.needsMnist ? { mnist: await getMnist() } : {};
        const before = entry.tf ? tf.memory().numTensors : 0;
        const model = await entry.create({ ...defaults(entry.specs) }, data);
        for (let i = 0; i < 3; i++) model.step();
        model.metrics();
        const t0 = performance.now();
        for (let i = 0; i < steps; i++) model.step();
        // Wait for queued GPU work before stopping the clock.
        if (entry.tf) await tf.ready();
        model.metrics();
        const seconds = (performance.now() - t0) / 1000;
        model.dispose();
        const leaked = entry.tf ? tf.memory().numTensors - before : 0;
        post({ type: 'result', result: { id: entry.id, backend, steps, seconds, stepsPerSecond: steps / seconds, tensorsLeaked: leaked } satisfies BenchResult });
      } catch (err) {
        post({ type: 'result', result: { id: entry.id, backend, steps: 0, seconds: 0, stepsPerSecond: 0, tensorsLeaked: 0, error: (err as Error).message } satisfies BenchResult });
      }
    }
  }
  post({ type: 'done' });
};
