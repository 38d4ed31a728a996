#!/usr/bin/env node
/**
 * Kernels per step, time per kernel class (tf.profile) and uploads per step of a widget model
 * on tfjs WASM in Node, default settings:  node scripts/perf/profile.mjs <widget-id> [--steps=10]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '../..');
const id = process.argv.slice(2).find((a) => !a.startsWith('--'));
const steps = process.argv.find((a) => a.startsWith('--steps='))?.slice(8) ?? '10';
if (!id) {
  console.error('usage: node scripts/perf/profile.mjs <widget-id> [--steps=10]');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'prof-'));
const entry = join(scratch, 'entry.ts');
writeFileSync(entry, readFileSync(join(import.meta.dirname, 'profile-entry.ts'), 'utf8').replaceAll('AB_WORK', join(root, 'src')).replaceAll('AB_ID', id));
const out = join(scratch, 'prof.cjs');
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['@tensorflow/*'], logLevel: 'error', nodePaths: [join(root, 'node_modules')] });
const require = createRequire(join(root, 'package.json'));
const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const r = spawnSync('node', [out], {
  stdio: 'inherit',
  env: { ...process.env, NODE_PATH: join(root, 'node_modules'), AB_WASM_DIR: wasmDir, AB_MNIST: join(root, 'public/data/mnist.bin.gz'), AB_STEPS: steps },
});
rmSync(scratch, { recursive: true, force: true });
process.exit(r.status ?? 1);
