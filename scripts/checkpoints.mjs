// npm run checkpoints [-- --only=vae-mnist,gan-2d] [--steps=N (a trial: writes to .tmp/checkpoints)]
// Trains every widget that has src/widgets/<id>/checkpoint.ts with its default settings and seed
// for the recipe's steps, in Node on the WASM backend with the widget's own model code, and writes
// public/checkpoints/<id>.json (manifest) and <id>.bin (weights, lib/checkpoint.ts). The metrics
// in the manifest are measured on the stored (quantised) weights loaded into a fresh model, so
// tests/unit/checkpoints.test.ts can recompute them from the files.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { modelCodeHash, repoRoot as root } from './checkpoint-hash.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const all = readdirSync(join(root, 'src/widgets')).filter((id) => existsSync(join(root, 'src/widgets', id, 'checkpoint.ts')));
const ids = args.only ? args.only.split(',') : all;
for (const id of ids) if (!all.includes(id)) throw new Error(`no src/widgets/${id}/checkpoint.ts`);
const trial = args.steps !== undefined;
const outDir = join(root, trial ? '.tmp/checkpoints' : 'public/checkpoints');
mkdirSync(outDir, { recursive: true });

const bundle = join(root, '.tmp', 'checkpoints.bundle.mjs');
mkdirSync(dirname(bundle), { recursive: true });
await build({
  stdin: {
    contents: [
      ...ids.map((id, i) => `export { recipe as r${i} } from './src/widgets/${id}/checkpoint';`),
      ...ids.map((id, i) => `export { specs as s${i} } from './src/widgets/${id}/settings';`),
      "export { decodeMnist, gunzip } from './src/lib/data/mnist';",
      "export { configureWasm, pickBackend, tf } from './src/lib/tf-backend';",
      "export { defaults } from './src/lib/params';",
      "export { encodeWeights, decodeWeights } from './src/lib/checkpoint';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: bundle,
  logLevel: 'warning',
});
const lib = await import(pathToFileURL(bundle).href);
const require = createRequire(import.meta.url);
lib.configureWasm(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
const backend = await lib.pickBackend(['wasm', 'cpu']);

const asset = join(root, 'public/data/mnist.bin.gz');
if (!existsSync(asset)) execFileSync('node', [join(root, 'scripts/pack-mnist.mjs')], { stdio: 'inherit' });
const mnist = lib.decodeMnist(await lib.gunzip(readFileSync(asset)));

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
for (let i = 0; i < ids.length; i++) {
  const id = ids[i];
  const recipe = lib[`r${i}`];
  const values = lib.defaults(lib[`s${i}`]);
  const steps = trial ? Number(args.steps) : recipe.steps;
  const data = recipe.needsMnist ? mnist : undefined;
  console.log(`${id}: ${steps} steps, ${JSON.stringify(values)}, ${backend}`);
  const model = recipe.create(values, data);
  const t0 = performance.now();
  const every = Math.max(1, Math.round(steps / 10));
  for (let s = 1; s <= steps; s++) {
    model.step();
    if (s % every === 0 || s === steps) console.log(`  step ${s}/${steps}  ${fmt(performance.now() - t0)}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const before = recipe.measure(model);
  const { bytes, tensors } = lib.encodeWeights(model.save());
  model.dispose();
  // Measure what is stored: the decoded weights in a fresh model.
  const fresh = recipe.create(values, data);
  fresh.load(lib.decodeWeights(bytes, tensors), steps);
  const metrics = recipe.measure(fresh);
  fresh.dispose();
  const { hash, files } = await modelCodeHash(id);
  const manifest = {
    format: 1,
    widget: id,
    settings: values,
    shapeKeys: recipe.shapeKeys,
    seed: Number(values.seed),
    steps,
    backend,
    seconds: Math.round(seconds),
    metrics,
    codeHash: hash,
    codeFiles: files,
    bytes: bytes.byteLength,
    tensors,
    note: recipe.note,
  };
  writeFileSync(join(outDir, `${id}.json`), JSON.stringify(manifest, null, 1) + '\n');
  writeFileSync(join(outDir, `${id}.bin`), bytes);
  const show = (m) => Object.entries(m).map(([k, v]) => `${k} ${v.value.toFixed(v.digits)}`).join(', ');
  console.log(`  ${fmt(seconds * 1000)}; float32: ${show(before)}; stored: ${show(metrics)}; ${(bytes.byteLength / 1024).toFixed(0)} KiB -> ${join(outDir, id)}.{json,bin}`);
}
