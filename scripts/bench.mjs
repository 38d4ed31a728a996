// npm run bench [-- --ids=a,b --backends=wasm,webgl --scale=0.5 --main-thread=0 --coi=0]
// Builds nothing: run `npm run build` first. Serves dist/, opens /bench/ in Debian's Chromium,
// prints steps/second per model and backend, how busy the page's main thread is while each widget
// trains (scripts/main-thread.mjs; skip with --main-thread=0), then the JavaScript weight of every page.
// --coi=0 serves without COOP/COEP headers, as most static hosts do (WASM then runs without threads).
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
const page = await browser.newPage();
page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
const q = new URLSearchParams({ run: '1' });
for (const k of ['ids', 'backends', 'scale']) if (args[k]) q.set(k, args[k]);
await page.goto(`${server.url}/bench/?${q}`);
await page.waitForFunction(() => window.__bench?.done === true, null, { timeout: 30 * 60_000, polling: 1000 });
const results = await page.evaluate(() => window.__bench.results);
const ua = await page.evaluate(() => navigator.userAgent);
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
