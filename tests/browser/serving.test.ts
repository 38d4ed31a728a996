/**
 * The book works wherever a reader opens it. Each widget on every chapter page (and the
 * playground) starts and takes training steps under:
 *   (a) the dev server, started as the README says (`npm run dev`);
 *   (b) `npm run preview` (astro preview of dist/; sends .gz files with Content-Encoding: gzip);
 *   (c) a plain static host serving the build for the sub-path /sub/ under /sub/, with
 *       Content-Encoding: gzip on .gz files and no COOP/COEP headers (so WASM runs without
 *       threads), as GitHub Pages, nginx with gzip_static or Apache with AddEncoding would.
 * The /sub/ build also passes the link and anchor check, and its search, Copy link and 404
 * page stay under /sub/. A smoke test: a few steps per widget, not the chapters' claims.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openBrowser } from './helpers';
import { brokenLinks, htmlPages } from './links';
import { serveDir } from '../../scripts/static-server.mjs';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const distSub = join(root, 'dist-sub');
const SUB = '/sub/';

/** Pages with widgets: every chapter and the playground. */
const widgetPages = htmlPages(dist).filter((p) => p.startsWith('/chapters/') || p === '/playground/');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts an npm script (`npm run dev -- --port N`, as a reader would) and waits until it answers. */
async function startNpm(script: string, port: number): Promise<{ url: string; close: () => Promise<void>; log: () => string }> {
  let out = '';
  const child: ChildProcess = spawn('npm', ['run', script, '--', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run ${script} exited (${child.exitCode}):\n${out}`);
    try {
      const r = await fetch(url + '/');
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > 90_000) throw new Error(`npm run ${script} did not answer on ${url} within 90 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    log: () => out,
    close: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 200));
    },
  };
}

interface WidgetRun {
  id: string;
  step: number;
  backend: string;
  status: string;
}

/** Opens a page, starts each widget on it, presses Step twice on each and reports what happened. */
async function trainEveryWidget(browser: Browser, url: string, origin: string): Promise<{ runs: WidgetRun[]; errors: string[]; outside: string[] }> {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const ids = await page.locator('[data-widget]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.widget!));
    // Scrolling each widget into view starts its worker (lazy start near the viewport).
    for (const id of ids) {
      await page.locator(`[data-widget="${id}"]`).scrollIntoViewIfNeeded();
      await page.waitForTimeout(50);
    }
    const settled = (wid: string) =>
      page.waitForFunction(
        (w) => {
          const el = document.querySelector<HTMLElement>(`[data-widget="${w}"]`);
          return !!el && (el.dataset.failed !== undefined || (el.dataset.backend !== undefined && el.dataset.step !== undefined));
        },
        wid,
        { timeout: 120_000, polling: 200 },
      );
    for (const id of ids) await settled(id).catch(() => undefined);
    for (let k = 0; k < 2; k++) {
      for (const id of ids) {
        const w = page.locator(`[data-widget="${id}"]`);
        const step = w.locator('[data-action="step"]');
        if (await step.isEnabled()) await step.click();
        // One step at a time: a second click before the first report would be a no-op.
        await page
          .waitForFunction(([wid, n]) => Number(document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step) >= (n as number), [id, k + 1] as const, {
            timeout: 60_000,
            polling: 100,
          })
          .catch(() => undefined);
      }
    }
    const runs = await page.evaluate((wids) =>
      wids.map((id) => {
        const el = document.querySelector<HTMLElement>(`[data-widget="${id}"]`)!;
        return {
          id,
          step: Number(el.dataset.step ?? -1),
          backend: el.querySelector('[data-metric="backend"]')?.getAttribute('data-value') ?? '',
          status: el.querySelector('.status')?.classList.contains('error') ? (el.querySelector('.status')?.textContent ?? '') : '',
        };
      }),
    ids);
    return { runs, errors, outside };
  } finally {
    await page.close();
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const hosts = [
  {
    name: '(a) npm run dev',
    base: '/',
    start: async () => startNpm('dev', await freePort()),
    backend: /^(js|cpu|wasm \(\d+ threads?\))$/,
  },
  {
    name: '(b) npm run preview (astro preview)',
    base: '/',
    start: async () => startNpm('preview', await freePort()),
    backend: /^(js|cpu|wasm \(\d+ threads?\))$/,
  },
  {
    name: '(c) a plain static host under /sub/: gzip Content-Encoding, no COOP/COEP',
    base: SUB,
    start: async () => {
      if (!existsSync(join(distSub, 'index.html'))) throw new Error('dist-sub/ is missing: run `npm run build:sub` first');
      const s = await serveDir(distSub, 0, { base: SUB, coi: false, gzipEncoding: true });
      return { url: s.url as string, close: s.close as () => Promise<void>, log: () => '' };
    },
    // Not cross-origin isolated: WASM runs without threads, and the readout says plain "wasm".
    backend: /^(js|cpu|wasm)$/,
  },
];

for (const host of hosts) {
  describe(host.name, () => {
    let server: Awaited<ReturnType<typeof host.start>>;
    beforeAll(async () => {
      server = await host.start();
    }, 150_000);
    afterAll(async () => {
      await server?.close();
    });

    // Three pages at a time: most of a page's time is spent waiting for workers to start.
    for (const path of widgetPages) {
      it.concurrent(`every widget on ${path} trains`, async () => {
        const origin = new URL(server.url).origin;
        const { runs, errors, outside } = await trainEveryWidget(browser, server.url + path, origin);
        expect(runs.length).toBeGreaterThan(0);
        const bad = runs.filter((r) => r.step < 2 || r.status !== '' || !host.backend.test(r.backend));
        expect(bad, `server log:\n${server.log().slice(-2000)}`).toEqual([]);
        expect(errors).toEqual([]);
        expect(outside).toEqual([]);
      }, 240_000);
    }

    if (host.base === SUB) {
      it('every link and anchor of the /sub/ build resolves under /sub/', () => {
        expect(brokenLinks(distSub, SUB)).toEqual([]);
      });

      it('fonts, search, Copy link and the 404 page stay under /sub/', async () => {
        const page = await browser.newPage();
        const requested: string[] = [];
        page.on('request', (r) => requested.push(new URL(r.url()).pathname));
        await page.goto(`${server.url}/search/?q=optimal%20discriminator`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-page]')?.dataset.state === 'done', null, { timeout: 30_000 });
        const hrefs = await page.locator('[data-search-page] .search-hit a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
        expect(hrefs.length).toBeGreaterThan(0);
        for (const h of hrefs) expect(h.startsWith(SUB)).toBe(true);

        await page.goto(`${server.url}/chapters/04-generative-adversarial-networks/`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        expect(requested.some((p) => /^\/sub\/_astro\/KaTeX_.*\.woff2$/.test(p))).toBe(true);
        const w = page.locator('[data-widget="optimal-discriminator"]');
        await w.scrollIntoViewIfNeeded();
        await w.locator('[data-action="copy-link"]').click();
        const link = await w.getAttribute('data-link');
        expect(new URL(link!).pathname).toBe('/sub/chapters/04-generative-adversarial-networks/');
        expect(requested.filter((p) => !p.startsWith(SUB))).toEqual([]);

        const res = await page.goto(`${server.url}/no-such-page/`);
        expect(res!.status()).toBe(404);
        const home = await page.locator('main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
        expect(home.length).toBeGreaterThan(0);
        for (const h of home) expect(h.startsWith(SUB)).toBe(true);
        await page.close();
      }, 120_000);
    }
  });
}
