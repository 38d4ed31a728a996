// node scripts/train-vae.mjs [--steps=6000] [--every=500] [--seed=1] [--hidden=256] [--beta=1] [--out=.tmp/vae-train]
// A longer run of the vae-mnist widget's model in Node (same code, WASM backend): prints and logs
// the test-subset ELBO every `every` steps and writes the final weights as a checkpoint
// (checkpoint.json: settings, step, ELBO, and each encoder/decoder array as base64 float32).
// The widget does not load checkpoints yet; training from scratch is its only mode.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const steps = Number(args.steps ?? 6000);
const every = Number(args.every ?? 500);
const out = join(root, args.out ?? '.tmp/vae-train');
mkdirSync(out, { recursive: true });

// Bundle the TypeScript model (node_modules stay external) next to the repository's node_modules.
const bundle = join(root, '.tmp', 'train-vae.bundle.mjs');
await build({
  stdin: {
    contents: [
      "export { createModel as createVaeMnist, specs as vaeMnistSpecs } from './src/widgets/vae-mnist/model';",
      "export { decodeMnist, gunzip } from './src/lib/data/mnist';",
      "export { configureWasm, pickBackend, tf } from './src/lib/tf-backend';",
      "export { defaults, parseValue } from './src/lib/params';",
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
const data = lib.decodeMnist(await lib.gunzip(readFileSync(asset)));

const values = lib.defaults(lib.vaeMnistSpecs);
for (const spec of lib.vaeMnistSpecs) {
  if (args[spec.name] === undefined) continue;
  const p = lib.parseValue(spec, args[spec.name]);
  if (!p.ok) throw new Error(p.error);
  values[spec.name] = p.value;
}
const model = lib.createVaeMnist(values, data);
const logFile = join(out, 'train.log');
writeFileSync(logFile, `# vae-mnist, ${JSON.stringify(values)}, backend ${backend}, ${steps} steps\n# step\tepoch\ttest_elbo\trecon\tkl\tseconds\n`);
const t0 = performance.now();
const report = (s) => {
  const ev = model.evaluate();
  const line = [s, model.epoch().toFixed(2), ev.elbo.toFixed(3), ev.recon.toFixed(3), ev.kl.toFixed(3), ((performance.now() - t0) / 1000).toFixed(1)].join('\t');
  appendFileSync(logFile, line + '\n');
  console.log(line);
  return ev;
};
report(0);
let ev;
for (let s = 1; s <= steps; s++) {
  model.step();
  if (s % every === 0 || s === steps) ev = report(s);
}
const b64 = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
writeFileSync(
  join(out, 'checkpoint.json'),
  JSON.stringify({
    model: 'vae-mnist',
    settings: values,
    step: steps,
    test_elbo: ev.elbo,
    encoder: model.encoder.getWeights().map(b64),
    decoder: model.decoder.getWeights().map(b64),
  }),
);
model.dispose();
console.log(`wrote ${join(out, 'checkpoint.json')} and ${logFile}`);
