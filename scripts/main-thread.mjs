// node scripts/main-thread.mjs [--ids=a,b] [--seconds=4]   (run `npm run build` first; also part of `npm run bench`)
// For every widget with a Play button: opens its chapter in Debian's Chromium at 1280x900, plays at
// full speed, and watches the page's main thread for a few seconds. Prints the long tasks (> 50 ms)
// seen, the longest, the redraws done and the steps taken meanwhile.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';

/** [{ id, path }] for every widget on a chapter page or the playground, in reading order. */
export function widgetsOnPages(dist) {
  const out = [];
  const paths = readdirSync(join(dist, 'chapters')).sort().map((d) => `/chapters/${d}/`);
  paths.push('/playground/');
  for (const p of paths) {
    const html = readFileSync(join(dist, p, 'index.html'), 'utf8');
    for (const m of html.matchAll(/data-widget="([^"]+)"/g)) if (!out.some((w) => w.id === m[1])) out.push({ id: m[1], path: p });
  }
  return out;
}

export async function measureMainThread(browser, baseUrl, widgets, seconds = 4) {
  const rows = [];
  for (const { id, path } of widgets) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const row = { id, path, longTasks: 0, longest: 0, draws: 0, steps: 0, note: '' };
    try {
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      const root = page.locator(`[data-widget="${id}"]`);
      if ((await root.locator('[data-action="play"]').count()) === 0) {
        await page.close();
        continue;
      }
      await root.scrollIntoViewIfNeeded();
      await page.waitForFunction((wid) => document.querySelector(`[data-widget="${wid}"]`)?.dataset.step === '0', id, { timeout: 90_000 });
      const speed = root.locator('[data-action="speed"]');
      if (await speed.count()) await speed.selectOption('max');
      await root.locator('[data-action="play"]').click();
      await page.waitForTimeout(500);
      const s0 = Number(await root.getAttribute('data-step'));
      await page.evaluate((wid) => {
        const w = window;
        w.__long = [];
        w.__draws = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
        new MutationObserver(() => w.__draws++).observe(document.querySelector(`[data-widget="${wid}"]`), { attributes: true, attributeFilter: ['data-draw-ms'] });
      }, id);
      await page.waitForTimeout(seconds * 1000);
      const r = await page.evaluate(() => ({ long: window.__long, draws: window.__draws }));
      row.longTasks = r.long.length;
      row.longest = Math.round(Math.max(0, ...r.long));
      row.draws = r.draws;
      row.steps = Number(await root.getAttribute('data-step')) - s0;
    } catch (err) {
      row.note = `failed: ${err.message.split('\n')[0]}`;
    }
    rows.push(row);
    await page.close();
  }
  return rows;
}

export function printMainThread(rows, seconds) {
  console.log(`\nMain thread while training at full speed (${seconds} s per widget, 1280x900; long task = over 50 ms)`);
  console.log('widget'.padEnd(24) + 'long tasks'.padStart(11) + 'longest ms'.padStart(12) + 'redraws'.padStart(9) + 'steps'.padStart(8));
  for (const r of rows) {
    console.log(r.id.padEnd(24) + String(r.longTasks).padStart(11) + String(r.longest).padStart(12) + String(r.draws).padStart(9) + String(r.steps).padStart(8) + (r.note ? `  ${r.note}` : ''));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
  const dist = join(process.cwd(), 'dist');
  const seconds = Number(args.seconds ?? 4);
  let widgets = widgetsOnPages(dist);
  if (args.ids) widgets = widgets.filter((w) => args.ids.split(',').includes(w.id));
  const server = await serveDir(dist);
  const browser = await launch();
  printMainThread(await measureMainThread(browser, server.url, widgets, seconds), seconds);
  await browser.close();
  await server.close();
}
