// npm run bench [-- --ids=a,b --backends=wasm,webgl --scale=0.5 --main-thread=0 --coi=0]
// Builds nothing: run `npm run build` first. Serves dist/, opens /bench/ in Debian's Chromium,
// prints steps/second per model and backend, how busy the page's main thread is while each widget
// trains (scripts/main-thread.mjs; skip with --main-thread=0), then the JavaScript weight of every page.
// --coi=0 serves without COOP/COEP headers, as most static hosts do (WASM then runs without threads).
// --compare [--repeat=3 --seconds=4]: the models that have a PyTorch twin (bench/torch/) on WASM in
// Chromium and, where python3 with torch is installed, their twins on one CPU thread, alternating
// the two R times in this one run; prints the medians and the ratio tfjs / PyTorch per model.
// Debian's torch uses the reference BLAS (slow dense layers); --blas=<dir> puts another libblas.so.3
// first for the twins (e.g. an unpacked libopenblas0-pthread: .../usr/lib/x86_64-linux-gnu/openblas-pthread).
import { spawnSync } from 'node:child_process';
import { findTorchPython } from '../bench/torch/find-python.mjs';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';
import { measureMainThread, printMainThread, widgetsOnPages } from './main-thread.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const dist = join(process.cwd(), 'dist');
const server = await serveDir(dist, 0, { coi: args.coi !== '0' });
// Software WebGL (SwiftShader) stands in for a GPU on machines without one.
const browser = await launch(['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--enable-webgl', '--ignore-gpu-blocklist']);

async function benchPage(params) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
  const q = new URLSearchParams({ run: '1' });
  for (const k of ['ids', 'backends', 'scale']) if (params[k]) q.set(k, params[k]);
  await page.goto(`${server.url}/bench/?${q}`);
  await page.waitForFunction(() => window.__bench?.done === true, null, { timeout: 30 * 60_000, polling: 1000 });
  const results = await page.evaluate(() => window.__bench.results);
  const ua = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return { results, ua };
}

if ('compare' in args) {
  await compare();
  await browser.close();
  await server.close();
  process.exit(0);
}

const { results, ua } = await benchPage(args);
console.log(`\nTraining speed (${ua.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, ${process.env.BENCH_MACHINE ?? `${(await import('node:os')).cpus().length} cores`})`);
console.log('model'.padEnd(24) + 'backend'.padEnd(9) + 'steps'.padStart(7) + 'steps/s'.padStart(11) + '  leaked');
for (const r of results) {
  console.log(
    r.id.padEnd(24) + r.backend.padEnd(9) + String(r.steps).padStart(7) + (r.error ? `  failed: ${r.error}` : r.stepsPerSecond.toFixed(1).padStart(11) + String(r.tensorsLeaked).padStart(8)),
  );
}

if (args['main-thread'] !== '0') {
  const plain = await launch();
  let widgets = widgetsOnPages(dist);
  if (args.ids) widgets = widgets.filter((w) => args.ids.split(',').includes(w.id));
  printMainThread(await measureMainThread(plain, server.url, widgets, 4), 4);
  await plain.close();
}

// JavaScript weight per page: scripts loaded by the page itself (workers load only on demand).
function pages(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '_astro' && name !== 'pagefind') out.push(...pages(p));
    } else if (name === 'index.html') out.push('/' + relative(dist, dir) + (dir === dist ? '' : '/'));
  }
  return out;
}
console.log('\nJavaScript per page (initial load, uncompressed bytes; workers and tfjs load only when a widget nears the viewport)');
for (const p of pages(dist)) {
  const tab = await browser.newPage();
  await tab.goto(server.url + p, { waitUntil: 'networkidle' });
  const bytes = await tab.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
      .reduce((s, e) => s + e.decodedBodySize, 0),
  );
  console.log(`${p.padEnd(48)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
  await tab.close();
}
await browser.close();
await server.close();

async function compare() {
  const TWINS = ['vae-mnist', 'mnist-gan', 'aae-mnist', 'bigan-mnist', 'pixelcnn-mnist', 'gan-2d', 'optimal-discriminator'];
  const ids = args.ids ? args.ids.split(',').filter((id) => TWINS.includes(id)) : TWINS;
  const repeat = Math.max(1, Number(args.repeat ?? 3));
  const seconds = Number(args.seconds ?? 4);
  const backend = args.backends ?? 'wasm';
  const { python, version: torchVersion } = findTorchPython();
  if (!torchVersion) console.log('python3 with torch not found (Debian: apt-get install python3-torch): timing the tfjs models only.');
  const tfjs = Object.fromEntries(ids.map((id) => [id, []]));
  const torch = Object.fromEntries(ids.map((id) => [id, []]));
  let ua = '';
  let blas = '';
  for (let r = 0; r < repeat; r++) {
    // Browser first, then the twins: the two sides alternate, so slow spells of a shared machine hit both.
    const run = await benchPage({ ids: ids.join(','), backends: backend, scale: args.scale ?? '2' });
    ua = run.ua;
    for (const res of run.results) if (!res.error && tfjs[res.id]) tfjs[res.id].push(res.stepsPerSecond);
    for (const res of run.results) if (res.error) console.log(`${res.id} (${res.backend}) failed: ${res.error}`);
    if (torchVersion) {
      const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
      if (args.blas) env.LD_LIBRARY_PATH = [args.blas, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
      const out = spawnSync(python, ['bench/torch/twin.py', 'bench', ids.join(','), `--seconds=${seconds}`, '--threads=1'], { encoding: 'utf8', env });
      if (out.status !== 0) console.log(`PyTorch twins failed: ${out.stderr.trim().split('\n').pop()}`);
      for (const line of out.stdout.split('\n').filter(Boolean)) {
        const j = JSON.parse(line);
        torch[j.id].push(j.stepsPerSecond);
        blas = j.blas;
      }
    }
    console.log(`round ${r + 1} of ${repeat}: ` + ids.map((id) => `${id} ${fmt(tfjs[id].at(-1))}${torchVersion ? ` / ${fmt(torch[id].at(-1))}` : ''}`).join(', '));
  }
  const median = (a) => {
    if (!a.length) return NaN;
    const s = [...a].sort((x, y) => x - y);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const range = (a) => (a.length ? `${fmt(Math.min(...a))}-${fmt(Math.max(...a))}` : '');
  console.log(`\nSteps per second, medians of ${repeat} alternating rounds: tfjs ${backend} in ${ua.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'} vs PyTorch ${torchVersion ?? '(absent)'} CPU, 1 thread (${(await import('node:os')).cpus().length} cores)`);
  if (torchVersion) console.log(`PyTorch's BLAS: ${blas}`);
  // The ratio of medians, and the median of the per-round ratios (each round's two sides ran
  // back to back, so a slow spell of a shared machine mostly cancels in its ratio).
  console.log('model'.padEnd(24) + 'tfjs'.padStart(9) + '  [range]'.padEnd(16) + 'torch'.padStart(9) + '  [range]'.padEnd(16) + 'ratio'.padStart(7) + '  per-round ratios: median [range]');
  for (const id of ids) {
    const a = median(tfjs[id]);
    const b = median(torch[id]);
    const rr = tfjs[id].map((v, i) => v / torch[id][i]).filter(Number.isFinite);
    const rrText = rr.length ? `${median(rr).toFixed(2)} [${Math.min(...rr).toFixed(2)}-${Math.max(...rr).toFixed(2)}]` : '–';
    console.log(id.padEnd(24) + fmt(a).padStart(9) + `  [${range(tfjs[id])}]`.padEnd(16) + fmt(b).padStart(9) + `  [${range(torch[id])}]`.padEnd(16) + (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–').padStart(7) + `  ${rrText}`);
  }
}

function fmt(v) {
  return v === undefined || !Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1);
}
