#!/usr/bin/env node
/**
 * Bytes of JavaScript a page fetches (the page's scripts and its workers' code) while the reader
 * does nothing, then after the pointer moves over the first widget and after Play.
 *   node scripts/perf/load-bytes.mjs [/playground/] [--wait=4000]
 * Serves dist/ (run `npx astro build` first).
 */
import { join } from 'node:path';
import { serveDir } from '../static-server.mjs';
import { launch } from '../browser.mjs';

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--')) ?? '/playground/';
const wait = Number(args.find((a) => a.startsWith('--wait='))?.slice(7) ?? 4000);
const server = await serveDir(join(process.cwd(), 'dist'), 0);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const scripts = [];
page.on('requestfinished', async (req) => {
  const url = req.url();
  if (!/\.m?js(\?|$)/.test(url) && req.resourceType() !== 'script') return;
  const sizes = await req.sizes().catch(() => null);
  scripts.push({ url: url.replace(server.url, ''), bytes: sizes ? sizes.responseBodySize : 0 });
});
const total = () => scripts.reduce((s, r) => s + r.bytes, 0);
const mib = (b) => `${(b / 1048576).toFixed(2)} MiB`;
await page.goto(server.url + path, { waitUntil: 'load' });
await page.waitForTimeout(wait);
const atLoad = total();
const big = scripts.filter((r) => r.bytes > 200_000).map((r) => `${r.url} ${mib(r.bytes)}`);
console.log(`${path}: ${mib(atLoad)} of script in ${wait} ms without interaction (${scripts.length} files)${big.length ? `; large: ${big.join(', ')}` : ''}`);
const first = page.locator('[data-widget]').first();
if (await first.count()) {
  await first.locator('h3').first().hover();
  await page.waitForTimeout(wait);
  console.log(`after the pointer moved over the widget: ${mib(total())}`);
  await first.locator('[data-action="play"]').click();
  await page.waitForTimeout(wait);
  console.log(`after Play: ${mib(total())}`);
}
await browser.close();
await server.close();
