/**
 * Per-step profile of a widget model in Node (tfjs WASM): kernels per step, time per kernel
 * class (tf.profile), and uploads per step (tensors written from JS). Built and run by
 * scripts/perf/profile.mjs.
 */
// @ts-nocheck
import * as settings from 'AB_WORK/widgets/AB_ID/settings';
import * as model from 'AB_WORK/widgets/AB_ID/model';
import { defaults } from 'AB_WORK/lib/params';
import { configureWasm, pickBackend, tf } from 'AB_WORK/lib/tf-backend';
import { decodeMnist, gunzip } from 'AB_WORK/lib/data/mnist';
import { readFileSync } from 'node:fs';

const STEPS = Number(process.env.AB_STEPS ?? 10);

async function main() {
  configureWasm(process.env.AB_WASM_DIR + '/');
  await pickBackend(['wasm']);
  const mnist = settings.bench.needsMnist ? decodeMnist(await gunzip(readFileSync(process.env.AB_MNIST))) : undefined;
  const m = await model.createModel(defaults(settings.specs), mnist);
  for (let i = 0; i < 30; i++) m.step(); // warm, and past any step-0 special case
  const be = tf.backend();
  const write = be.write.bind(be);
  let uploads = 0;
  let uploadFloats = 0;
  be.write = (values, shape, dtype) => {
    uploads++;
    uploadFloats += values?.length ?? 0;
    return write(values, shape, dtype);
  };
  const prof = await tf.profile(() => {
    for (let i = 0; i < STEPS; i++) m.step();
  });
  be.write = write;
  const byName = new Map();
  // customGrad bodies appear as scopes ("forward", "unnamed scope") around real kernels: skip them.
  const kernels = prof.kernels.filter((k) => k.name !== 'forward' && k.name !== 'unnamed scope');
  for (const k of kernels) {
    const e = byName.get(k.name) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    byName.set(k.name, e);
  }
  const total = [...byName.values()].reduce((s, e) => s + e.ms, 0);
  console.log(`AB_ID: ${(kernels.length / STEPS).toFixed(0)} kernels/step, ${(total / STEPS).toFixed(1)} ms kernel time/step (profiled), ${(uploads / STEPS).toFixed(1)} uploads/step (${(uploadFloats / STEPS / 1000).toFixed(1)}k values)`);
  const rows = [...byName.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10);
  for (const [name, e] of rows) console.log(`  ${name.padEnd(22)} ${(e.n / STEPS).toFixed(1).padStart(6)} /step ${(e.ms / STEPS).toFixed(2).padStart(7)} ms/step ${((100 * e.ms) / total).toFixed(0).padStart(3)} %`);
  m.dispose();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
