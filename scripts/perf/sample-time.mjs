#!/usr/bin/env node
/**
 * Time pixelcnn-mnist takes to sample its 8 digits in Chromium (chapter 2's widget, untrained
 * network, default settings): the model's own sample_ms readout (the 784 passes) and the wall
 * time from pressing the button to the last pixel on the page. Repeats --runs times.
 *   node scripts/perf/sample-time.mjs [--runs=3]   (serves dist/: run `npx astro build` first)
 */
import { join } from 'node:path';
import { serveDir } from '../static-server.mjs';
import { launch } from '../browser.mjs';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const server = await serveDir(join(process.cwd(), 'dist'), 0);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${server.url}/chapters/02-autoregressive-models/`, { waitUntil: 'load' });
const W = '[data-widget="pixelcnn-mnist"]';
await page.locator(W).scrollIntoViewIfNeeded();
await page.waitForFunction((w) => document.querySelector(`${w} [data-metric="backend"]`)?.dataset.value, W, { timeout: 120_000 });
await page.waitForFunction((w) => document.querySelector(w)?.dataset.step === '0', W, { timeout: 120_000 });
const backend = await page.locator(`${W} [data-metric="backend"]`).getAttribute('data-value');
const btn = page.locator(`${W} button`, { hasText: 'Sample digits pixel by pixel' });
for (let r = 0; r < runs; r++) {
  const t0 = Date.now();
  await btn.click();
  await page.waitForFunction((w) => /Sampling done/.test(document.querySelector(`${w}`)?.textContent ?? ''), W, { timeout: 120_000, polling: 50 });
  const wall = Date.now() - t0;
  await page.waitForTimeout(300);
  const ms = await page.locator(`${W} [data-metric="sample_ms"]`).getAttribute('data-value');
  console.log(`run ${r + 1}: sample_ms ${Number(ms).toFixed(0)} (model, 784 passes), ${wall} ms from the click to the last pixel (${backend})`);
  await btn.waitFor({ state: 'visible' });
  await page.waitForFunction((w) => ![...document.querySelectorAll(`${w} button`)].find((b) => b.textContent?.includes('Sample digits'))?.disabled, W);
}
await browser.close();
await server.close();
