/**
 * How the book behaves for a reader beyond a wide desktop window and a mouse: the keyboard on a
 * widget's buttons, a 390 px phone, print, anchors under the sticky header, the playground's
 * links, and demos that stop once they have shown their result. Run after `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, openBrowser, openPage, stepN, waitReady, widget } from './helpers';

const CHAPTERS = [
  '01-generative-models',
  '02-autoregressive-models',
  '03-variational-autoencoders',
  '04-generative-adversarial-networks',
  '05-divergences',
  '06-wasserstein-gan',
  '07-adversarial-autoencoders',
  '08-ali-bigan',
].map((c) => `/chapters/${c}/`);
const CH1 = CHAPTERS[0];
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a?.dataset.action ?? a?.tagName ?? '';
  });

describe('keyboard on the toolbar', () => {
  it('Space on Play moves focus to Pause and back; the next Space pauses instead of scrolling; S and R work', async () => {
    const { page, errors } = await openPage(browser, `${CH1}#density-1d`);
    await waitReady(page, 'density-1d');
    const w = widget(page, 'density-1d');
    await w.locator('[data-action="play"]').focus();
    const y0 = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="density-1d"]')?.dataset.running === 'true');
    // Play disabled itself: focus went to Pause, not to <body>.
    expect(await focused(page)).toBe('pause');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-widget="density-1d"]')?.dataset.step) > 0);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="density-1d"]')?.dataset.running === 'false');
    expect(await focused(page)).toBe('play');
    expect(await page.evaluate(() => window.scrollY)).toBe(y0);
    // S steps once, R resets to step 0: the keys reach the widget because focus stayed in it.
    const before = Number(await w.getAttribute('data-step'));
    await page.keyboard.press('s');
    await page.waitForFunction((b) => Number(document.querySelector<HTMLElement>('[data-widget="density-1d"]')?.dataset.step) === b + 1, before);
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="density-1d"]')?.dataset.step === '0');
    expect(await page.evaluate(() => window.scrollY)).toBe(y0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** How far the page reaches past the right edge of the window (0 when nothing sticks out). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('a 390 px phone', () => {
  it('no page scrolls sideways: every chapter, the playground, the glossary, notation and the home page', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const wide: string[] = [];
    for (const path of [...CHAPTERS, '/playground/', '/glossary/', '/notation/', '/']) {
      await page.goto(baseUrl() + path, { waitUntil: 'load' });
      const px = await overflow(page);
      if (px > 0) wide.push(`${path}: ${px} px`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });

  it('the gan-2d plane fits the widget once drawn, and the page still does not scroll sideways', async () => {
    const { page, errors } = await openPage(browser, '/playground/', PHONE);
    await waitReady(page, 'gan-2d', 90_000);
    const box = await page.evaluate(() => {
      const w = document.querySelector<HTMLElement>('[data-widget="gan-2d"]')!.getBoundingClientRect();
      const c = document.querySelector<HTMLCanvasElement>('[data-widget="gan-2d"] .gan2d-plane canvas')!.getBoundingClientRect();
      return { wl: w.left, wr: w.right, cl: c.left, cr: c.right, cw: c.width, ch: c.height };
    });
    expect(box.cw).toBeGreaterThan(250);
    expect(box.cw).toBeCloseTo(box.ch, 0);
    expect(box.cl).toBeGreaterThanOrEqual(box.wl);
    expect(box.cr).toBeLessThanOrEqual(box.wr);
    expect(await overflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('glossary tooltips open inside the window', async () => {
    const { page } = await openPage(browser, CH1, PHONE);
    const n = Math.min(25, await page.locator('.gloss-term').count());
    expect(n).toBeGreaterThan(10);
    const outside: string[] = [];
    for (let i = 0; i < n; i++) {
      const term = page.locator('.gloss-term').nth(i);
      await term.focus();
      const r = await term.evaluate((t) => {
        const tip = t.parentElement!.querySelector<HTMLElement>('.gloss-tip')!.getBoundingClientRect();
        return { left: tip.left, right: tip.right, width: tip.width, vw: document.documentElement.clientWidth };
      });
      expect(r.width).toBeGreaterThan(0);
      if (r.left < 0 || r.right > r.vw) outside.push(`${await term.textContent()}: ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    expect(outside).toEqual([]);
    await page.close();
  });

  it('the sticky header is compact (one line of title above the search box)', async () => {
    const { page } = await openPage(browser, CH1, PHONE);
    const h = await page.locator('.topbar').evaluate((t) => t.getBoundingClientRect().height);
    expect(h).toBeLessThanOrEqual(90);
    await page.close();
  });

  it('gan-2d side by side (chapter 6): at 390 px the two planes stand one above the other at full width, nothing scrolls sideways', async () => {
    const { page, errors } = await openPage(browser, '/chapters/06-wasserstein-gan/#gan-2d-wgan', PHONE);
    await waitReady(page, 'gan-2d-wgan', 90_000);
    await stepN(page, 'gan-2d-wgan', 2);
    const box = await widget(page, 'gan-2d-wgan').evaluate((w) => {
      const r = w.getBoundingClientRect();
      const rect = (e: Element) => e.getBoundingClientRect();
      const planes = [...w.querySelectorAll('.gan2d-plane canvas')].map(rect);
      const scatters = [...w.querySelectorAll('.gan2d-scatters canvas')].map(rect);
      return { wl: r.left, wr: r.right, planes, scatters, stacked: (w as HTMLElement).dataset.planesStacked };
    });
    expect(box.stacked).toBe('true');
    expect(box.planes).toHaveLength(2);
    for (const p of box.planes) {
      expect(p.width).toBeGreaterThan(300);
      expect(p.left).toBeGreaterThanOrEqual(box.wl);
      expect(p.right).toBeLessThanOrEqual(box.wr);
    }
    expect(box.planes[1].top).toBeGreaterThan(box.planes[0].bottom);
    // the two scatters too, each at full width
    expect(box.scatters).toHaveLength(2);
    expect(box.scatters[1].top).toBeGreaterThan(box.scatters[0].bottom);
    expect(box.scatters[0].width).toBeGreaterThan(300);
    // the legends wrap instead of running off the chart: the JS chart's takes two lines
    const js = widget(page, 'gan-2d-wgan').locator('canvas[aria-label^="A lower bound on the Jensen-Shannon"]');
    expect(Number(await js.getAttribute('data-legend-lines'))).toBeGreaterThanOrEqual(2);
    expect(await overflow(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

});

describe('charts at reading size', () => {
  /** Each Plot chart with a legend (a <figure>) in a widget: its margin and how wide its SVG is drawn against the width it was made for. */
  const legendCharts = (page: Page, id: string) =>
    page.locator(`[data-widget="${id}"] .charts figure[class^="plot-"]`).evaluateAll((figs) =>
      figs.map((f) => {
        const svg = f.querySelector(':scope > svg')!;
        return { margin: getComputedStyle(f).marginLeft, drawn: svg.getBoundingClientRect().width, made: Number(svg.getAttribute('width')) };
      }),
    );

  it('a chart with a legend is drawn at the width it was made for, on a desktop and on a phone', async () => {
    for (const size of [{ width: 1280, height: 900 }, PHONE]) {
      const { page, errors } = await openPage(browser, '/chapters/05-divergences/#js-saturation', size);
      await waitReady(page, 'js-saturation');
      await stepN(page, 'js-saturation', 1);
      await expect.poll(async () => (await legendCharts(page, 'js-saturation')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      // The browser's default <figure> margins (40 px a side) had shrunk each of these charts by
      // 80 px, to 9-px type on a phone.
      for (const c of await legendCharts(page, 'js-saturation')) {
        expect(c.margin, `at ${size.width} px`).toBe('0px');
        expect(c.drawn, `at ${size.width} px`).toBeGreaterThanOrEqual(c.made - 1);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the MMD samples are short rugs under the witness curve, not lines across the chart', async () => {
    const { page, errors } = await openPage(browser, '/chapters/05-divergences/#mmd');
    await waitReady(page, 'mmd');
    await stepN(page, 'mmd', 1);
    const chart = page.locator('[data-widget="mmd"] .chart').first();
    const rugs = chart.locator('svg[class^="plot-"] g[stroke="var(--series-1)"] line, svg[class^="plot-"] g[stroke="var(--series-2)"] line');
    await expect.poll(() => rugs.count(), { timeout: 20_000 }).toBe(200);
    const r = await chart.evaluate((box) => {
      const svg = box.querySelector('svg[class^="plot-"]')!;
      const rugs = [...svg.querySelectorAll('g[stroke="var(--series-1)"] line, g[stroke="var(--series-2)"] line')];
      const tallest = Math.max(...rugs.map((l) => l.getBoundingClientRect().height));
      return { rugs: rugs.length, tallest, chart: svg.getBoundingClientRect().height };
    });
    // 100 points from each sample; each rug line is a fifth of the y range or less.
    expect(r.rugs).toBe(200);
    expect(r.tallest).toBeLessThan(0.15 * r.chart);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the AAE and VAE codes sit side by side on a desktop and one above the other on a phone', async () => {
    for (const size of [{ width: 1280, height: 900 }, PHONE]) {
      const { page, errors } = await openPage(browser, '/chapters/07-adversarial-autoencoders/#aae-mnist', size);
      await waitReady(page, 'aae-mnist', 90_000);
      await stepN(page, 'aae-mnist', 1);
      const boxes = page.locator('[data-widget="aae-mnist"] .aae-row').first().locator(':scope > .chart');
      await expect.poll(() => boxes.locator('svg').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      const [a, b] = await boxes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      if (size.width > 800) expect(Math.abs(a.top - b.top), 'side by side').toBeLessThan(2);
      else expect(b.top, 'one above the other').toBeGreaterThanOrEqual(a.bottom);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('on a phone a long readout wraps its label and keeps its value inside the widget', async () => {
    const { page, errors } = await openPage(browser, '/chapters/04-generative-adversarial-networks/#mnist-gan', PHONE);
    await waitReady(page, 'mnist-gan', 90_000);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="mnist-gan"] [data-metric="parzen_train"]')?.dataset.value !== '', null, { timeout: 60_000 });
    // 'same estimate, training digits as "samples" 121.2' was one unbreakable line, its value cut at the edge.
    const out = await widget(page, 'mnist-gan').evaluate((w) => {
      const right = w.getBoundingClientRect().right;
      return [...w.querySelectorAll('.readouts dd')].filter((d) => d.getBoundingClientRect().right > right).map((d) => d.getAttribute('data-metric'));
    });
    expect(out).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('gan-2d side by side at 1280 px: planes and scatters in pairs, round y ticks, step axes from 0, a one-line colour key', async () => {
    const { page, errors } = await openPage(browser, '/chapters/06-wasserstein-gan/#gan-2d-wgan');
    await waitReady(page, 'gan-2d-wgan', 90_000);
    await stepN(page, 'gan-2d-wgan', 3);
    const w = widget(page, 'gan-2d-wgan');
    const box = await w.evaluate((el) => {
      const rect = (e: Element) => e.getBoundingClientRect();
      return {
        w: rect(el),
        planes: [...el.querySelectorAll('.gan2d-plane canvas')].map(rect),
        scatters: [...el.querySelectorAll('.gan2d-scatters canvas')].map(rect),
        keys: [...el.querySelectorAll('.gan2d-key')].map((k) => ({ h: rect(k).height, bar: rect(k.querySelector('.gan2d-key-bar')!).width, line: parseFloat(getComputedStyle(k).fontSize) })),
      };
    });
    expect(box.planes[0].top).toBe(box.planes[1].top);
    expect(box.scatters[0].top).toBe(box.scatters[1].top);
    expect(box.scatters[1].left).toBeGreaterThan(box.scatters[0].right);
    expect(box.scatters[1].right).toBeLessThanOrEqual(box.w.right);
    // The colour key: the bar as wide as the plane, labels on one line under it (not wrapped).
    for (const [i, k] of box.keys.entries()) {
      expect(k.bar).toBeCloseTo(box.planes[i].width - 2, -1);
      expect(k.h).toBeLessThan(k.line * 3);
    }
    // The charts: 3 to 6 labelled y ticks, round numbers; the step axes begin at 0.
    for (const c of await w.locator('.charts > canvas').all()) {
      if (!(await c.isVisible())) continue;
      const y = (await c.getAttribute('data-y-ticks'))!.split(' ');
      const what = `${await c.getAttribute('aria-label')}: ${y.join(' ')}`;
      expect(y.length, what).toBeGreaterThanOrEqual(3);
      expect(y.length, what).toBeLessThanOrEqual(6);
      // Round: even steps of 1, 2 or 5 times a power of ten, or on a log axis (MMD²) 1, 2, 3 or 5
      // times powers of ten (within one decade it has even steps too).
      const v = y.map((t) => Number(t.replace('−', '-').replaceAll(',', '')));
      const mantissa = (x: number) => +(Math.abs(x) / 10 ** Math.floor(Math.log10(Math.abs(x)))).toPrecision(6);
      const step = +(v[1] - v[0]).toPrecision(6);
      const even = [1, 2, 5].includes(mantissa(step)) && v.every((x, i) => i === 0 || Math.abs(x - v[i - 1] - step) < 1e-6 * Math.abs(step));
      const decades = (await c.getAttribute('aria-label'))!.startsWith('MMD') && v.every((x) => [1, 2, 3, 5].includes(mantissa(x)));
      expect(even || decades, what).toBe(true);
      expect((await c.getAttribute('data-x-ticks'))!.split(' ')[0]).toBe('0');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('full screen', () => {
  it('the gan-2d plane grows past 440 px in full screen, and fits the window', async () => {
    const { page } = await openPage(browser, '/playground/');
    await waitReady(page, 'gan-2d', 90_000);
    const w = widget(page, 'gan-2d');
    const planeWidth = () => w.locator('.gan2d-plane canvas').first().evaluate((c) => c.getBoundingClientRect().width);
    expect(await planeWidth()).toBeLessThanOrEqual(440);
    await w.locator('[data-action="fullscreen"]').click();
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-widget="gan-2d"] .gan2d-plane canvas');
      return !!c && c.getBoundingClientRect().width > 440;
    }, null, { timeout: 10_000 });
    expect(await planeWidth()).toBeLessThanOrEqual(900 * 0.75 + 1);
    await page.close();
  });
});

describe('print', () => {
  it('a mounted widget prints its static figure, not its live canvases or empty charts', async () => {
    const { page } = await openPage(browser, '/playground/');
    await waitReady(page, 'gan-2d', 90_000);
    expect(await page.locator('[data-widget="gan-2d"] canvas').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('.widget canvas, .widget .chart, .widget .live-ui')].filter((e) => e.getBoundingClientRect().height > 0).length,
    );
    expect(shown).toBe(0);
    const fig = await page.locator('[data-widget="gan-2d"] .fallback svg').evaluate((s) => s.getBoundingClientRect().height);
    expect(fig).toBeGreaterThan(100);
    await page.close();
  });
});

describe('links and anchors', () => {
  it('the home page and the sidebar link to the playground', async () => {
    const { page } = await openPage(browser, '/');
    expect(await page.locator('main a[href$="/playground/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('nav.sidebar a[href$="/playground/"]').count()).toBe(1);
    await page.locator('nav.sidebar a[href$="/playground/"]').click();
    await page.waitForURL(/\/playground\/$/);
    expect(await page.locator('[data-widget="gan-2d"]').count()).toBe(1);
    await page.close();
  });

  it('a heading, a widget and an equation opened by their anchors sit below the sticky header', async () => {
    for (const size of [{ width: 1280, height: 900 }, PHONE]) {
      const page = await browser.newPage({ viewport: size });
      const base = baseUrl();
      const ch4 = CHAPTERS[3];
      await page.goto(base + ch4, { waitUntil: 'load' });
      const targets = await page.evaluate(() => [
        document.querySelector('article h2[id]')!.id,
        document.querySelector('.widget[id]')!.id,
        document.querySelector('[id^="eq-"]')!.id,
      ]);
      for (const id of targets) {
        await page.goto(`${base}${ch4}#${id}`, { waitUntil: 'load' });
        await page.evaluate((t) => document.getElementById(t)!.scrollIntoView(), id);
        const { top, header } = await page.evaluate((t) => ({
          top: document.getElementById(t)!.getBoundingClientRect().top,
          header: document.querySelector('.topbar')!.getBoundingClientRect().bottom,
        }), id);
        expect(top, `#${id} at ${size.width} px`).toBeGreaterThanOrEqual(header);
      }
      await page.close();
    }
  });
});

describe('export', () => {
  it('offers only charts on show, and the plane as a 2x image', async () => {
    const { page } = await openPage(browser, '/playground/');
    await waitReady(page, 'gan-2d', 90_000);
    const w = widget(page, 'gan-2d');
    // Side by side is off: the WGAN's plane and the two scatter charts are hidden.
    const shownCanvases = await w.locator('.charts canvas').evaluateAll((cs) => cs.filter((c) => c.getClientRects().length > 0).length);
    const allCanvases = await w.locator('.charts canvas').count();
    expect(shownCanvases).toBeLessThan(allCanvases);
    await w.locator('.export-menu > summary').click();
    // The menu fills its items when it opens (the toggle event): poll rather than count at once.
    await expect.poll(() => w.locator('[data-export^="canvas-"]').count(), { timeout: 10_000 }).toBe(shownCanvases);
    const plane = await w.locator('.gan2d-plane canvas').first().evaluate((c) => ({ px: (c as HTMLCanvasElement).width, css: c.getBoundingClientRect().width }));
    expect(plane.px).toBeGreaterThanOrEqual(2 * Math.floor(plane.css));
    await page.close();
  });

  it('an exported chart carries its legend', async () => {
    const { page } = await openPage(browser, '/chapters/05-divergences/#js-saturation');
    await waitReady(page, 'js-saturation');
    const w = widget(page, 'js-saturation');
    await w.locator('.export-menu > summary').click();
    await w.locator('[data-export="svg-1"]').waitFor();
    const labels = await w.locator('[data-export^="svg-"]').count();
    expect(labels).toBeGreaterThanOrEqual(2);
    const texts: string[] = [];
    for (let i = 1; i <= labels; i++) {
      if (!(await w.locator('.export-menu').evaluate((m) => (m as HTMLDetailsElement).open))) await w.locator('.export-menu > summary').click();
      const [dl] = await Promise.all([page.waitForEvent('download'), w.locator(`[data-export="svg-${i}"]`).click()]);
      texts.push(readFileSync((await dl.path())!, 'utf8'));
    }
    // The sweep chart's legend (JS, W1, KL) is HTML on the page; in the file it is part of the SVG.
    const sweep = texts.find((t) => t.includes('export-legend') && t.includes('>W1<'));
    expect(sweep, 'an exported SVG with the legend JS / W1 / KL').toBeDefined();
    expect(sweep).toContain('>JS<');
    await page.close();
  });
});

describe('loading', () => {
  it('mnist-gan says what it is loading until the model reports, then the message goes', async () => {
    const { page, errors } = await openPage(browser, '/chapters/04-generative-adversarial-networks/#mnist-gan');
    const w = widget(page, 'mnist-gan');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="mnist-gan"]')?.dataset.loading === 'true', null, { timeout: 30_000 });
    expect(await w.locator('.status').textContent()).toMatch(/Loading|Building/);
    // Play before the model is ready keeps the message up.
    await w.locator('[data-action="play"]').click();
    expect(await w.locator('.status').textContent()).toMatch(/Loading|Building/);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="mnist-gan"]')?.dataset.step !== undefined, null, { timeout: 90_000 });
    expect(await w.getAttribute('data-loading')).toBeNull();
    expect(await w.locator('.status').textContent()).not.toMatch(/Loading|Building/);
    await w.locator('[data-action="pause"]').click();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('watched demos stop when they have shown their result', () => {
  it('distances-vs-offset defaults to a slow speed, and its walk stops at 0 after 30 steps', async () => {
    const { page, errors } = await openPage(browser, '/chapters/06-wasserstein-gan/#distances-vs-offset');
    await waitReady(page, 'distances-vs-offset');
    const w = widget(page, 'distances-vs-offset');
    expect(await w.locator('[data-action="speed"]').inputValue()).toBe('4');
    await w.locator('[data-action="speed"]').selectOption('max');
    await w.locator('[data-action="play"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="distances-vs-offset"]')?.dataset.done === 'true', null, { timeout: 20_000 });
    await page.waitForTimeout(500);
    // From the default start 1.5 with step size 0.05 the walk arrives in 30 steps, and no more are taken.
    expect(await w.getAttribute('data-step')).toBe('30');
    expect(await w.getAttribute('data-running')).toBe('false');
    expect(await w.locator('.status').textContent()).toMatch(/Finished/);
    expect(await w.locator('[data-action="pause"]').isDisabled()).toBe(true);
    // Reset starts a new run.
    await w.locator('[data-action="reset"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="distances-vs-offset"]')?.dataset.done === 'false');
    expect(await w.getAttribute('data-step')).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });
});
