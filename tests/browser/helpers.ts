/** Shared helpers for browser tests: Chromium, a page that records errors and outside requests. */
import { afterAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../scripts/browser.mjs';

export const baseUrl = () => inject('baseUrl');

export interface WatchedPage {
  page: Page;
  errors: string[];
  outside: string[];
}

export async function openBrowser(): Promise<Browser> {
  return launch();
}

let shared: Promise<Browser> | undefined;

/**
 * The test file's Chromium (the one browser fixture): launched on first use, closed after the
 * file's tests. Call it at the top of a test file: `const browser = await sharedBrowser();`.
 */
export function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    const started = launch();
    shared = started;
    afterAll(async () => {
      await (await started).close();
    });
  }
  return shared;
}

/** Opens a page that records console errors, page errors and any request to another host. */
export async function openPage(browser: Browser, path: string, opts: { width?: number; height?: number; reducedMotion?: boolean } = {}): Promise<WatchedPage> {
  const page = await browser.newPage({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
  });
  const errors: string[] = [];
  const outside: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  await page.goto(baseUrl() + path, { waitUntil: 'load' });
  return { page, errors, outside };
}

export function widget(page: Page, id: string) {
  return page.locator(`[data-widget="${id}"]`);
}

/** The numeric data-value of a readout. */
export async function metric(page: Page, id: string, name: string): Promise<number> {
  const v = await page.locator(`[data-widget="${id}"] [data-metric="${name}"]`).getAttribute('data-value');
  return Number(v);
}

export async function metricText(page: Page, id: string, name: string): Promise<string> {
  return (await page.locator(`[data-widget="${id}"] [data-metric="${name}"]`).getAttribute('data-value')) ?? '';
}

/** Waits until the widget's worker reported its backend (the model is built). */
export async function waitReady(page: Page, id: string, timeout = 60_000) {
  await page.locator(`[data-widget="${id}"]`).scrollIntoViewIfNeeded();
  // A widget that waits for the reader (data-widget-start="intent", the playground) starts when
  // the pointer is over it.
  if (await page.locator(`[data-widget-start="intent"] [data-widget="${id}"]`).count()) await page.locator(`[data-widget="${id}"] h2, [data-widget="${id}"] h3`).first().hover();
  await page.waitForFunction((wid) => {
    const el = document.querySelector(`[data-widget="${wid}"] [data-metric="backend"]`);
    return !!el && (el as HTMLElement).dataset.value !== '';
  }, id, { timeout });
  await page.waitForFunction((wid) => document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step === '0', id, { timeout });
}

/** Presses Step n times, waiting for each step to be reported. */
export async function stepN(page: Page, id: string, n: number) {
  for (let i = 0; i < n; i++) {
    const before = Number(await page.locator(`[data-widget="${id}"]`).getAttribute('data-step'));
    await page.locator(`[data-widget="${id}"] [data-action="step"]`).click();
    await page.waitForFunction(
      ([wid, b]) => Number(document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step) > (b as number),
      [id, before] as const,
    );
  }
}

/** Sets a parameter input and commits it (change event). Returns the inline error text. */
export async function setParam(page: Page, id: string, name: string, value: string): Promise<string> {
  const input = page.locator(`[data-widget="${id}"] #${id}-${name}`);
  await input.fill(value);
  await input.press('Enter');
  await input.dispatchEvent('change');
  return (await page.locator(`[data-widget="${id}"] #${id}-${name}-error`).textContent()) ?? '';
}
