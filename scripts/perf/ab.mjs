#!/usr/bin/env node
/**
 * Interleaved A/B speed of a widget model in Node on tfjs WASM: the model code at a git ref
 * (A, default HEAD) against the working tree (B), in one process, same seed and settings.
 *   node scripts/perf/ab.mjs <widget-id> [--base=<ref>] [--rounds=7] [--seconds=1.5] [--params='{"batch":64}'] [--call=view]
 * --call=view times model.view() (after 20 steps) instead of model.step(); --call=sample times one
 * whole sampling run (pixelcnn-mnist's sample_start + sample_step of 784 pixels).
 * Prints calls (steps) per CPU-second per round (rounds alternate A and B) and the median B/A ratio.
 * Timings on a shared machine are noisy: read the ratio, not the absolute speeds.
 */
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '../..');
const args = Object.fromEntries(process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')).map(([k, ...v]) => [k, v.join('=')]));
const id = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!id) {
  console.error('usage: node scripts/perf/ab.mjs <widget-id> [--base=<ref>] [--rounds=N] [--seconds=S] [--params=JSON]');
  process.exit(2);
}
const base = args.base ?? 'HEAD';
const scratch = mkdtempSync(join(tmpdir(), 'ab-'));
execSync(`git archive ${base} src | tar -x -C ${scratch}`, { cwd: root });
// Two copies of the model code share one tfjs: keep their variable names apart.
for (const f of execSync(`grep -rl "let counter = 0" ${scratch}/src || true`).toString().split('\n').filter(Boolean)) {
  writeFileSync(f, readFileSync(f, 'utf8').replace('let counter = 0', 'let counter = 1e9'));
}
const src = readFileSync(join(import.meta.dirname, 'ab-entry.ts'), 'utf8')
  .replaceAll('AB_BASE', join(scratch, 'src'))
  .replaceAll('AB_WORK', join(root, 'src'))
  .replaceAll('AB_ID', id);
const entry = join(scratch, 'entry.ts');
writeFileSync(entry, src);
const out = join(scratch, 'ab.cjs');
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['@tensorflow/*'], logLevel: 'error', nodePaths: [join(root, 'node_modules')] });
const require = createRequire(join(root, 'package.json'));
const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const mnist = join(root, 'public/data/mnist.bin.gz');
if (!existsSync(mnist)) execSync('node scripts/pack-mnist.mjs', { cwd: root, stdio: 'inherit' });
const r = spawnSync('node', [out], {
  stdio: 'inherit',
  env: { ...process.env, NODE_PATH: join(root, 'node_modules'), AB_WASM_DIR: wasmDir, AB_MNIST: mnist, AB_ROUNDS: args.rounds ?? '7', AB_SECONDS: args.seconds ?? '1.5', AB_PARAMS: args.params ?? '{}', AB_CALL: args.call ?? 'step' },
});
rmSync(scratch, { recursive: true, force: true });
process.exit(r.status ?? 1);
