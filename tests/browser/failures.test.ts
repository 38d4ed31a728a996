/**
 * A widget whose worker fails says what failed and what to do, and Reset retries: its code
 * cannot load, the MNIST file cannot be fetched, the WASM binary cannot be fetched (training
 * falls back to another backend and says so).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openBrowser, openPage } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statusOf = (page: Page, id: string) => page.locator(`[data-widget="${id}"] .status`).textContent();

async function settle(page: Page, id: string) {
  await page.locator(`[data-widget="${id}"]`).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (w) => {
      const el = document.querySelector<HTMLElement>(`[data-widget="${w}"]`);
      return !!el && (el.dataset.failed !== undefined || el.dataset.step !== undefined);
    },
    id,
    { timeout: 60_000 },
  );
}

async function resetAndStep(page: Page, id: string) {
  const w = page.locator(`[data-widget="${id}"]`);
  await w.locator('[data-action="reset"]').click();
  await page.waitForFunction((wid) => document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step === '0', id, { timeout: 60_000 });
  await w.locator('[data-action="step"]').click();
  await page.waitForFunction((wid) => Number(document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step) >= 1, id, { timeout: 60_000 });
  expect(await w.getAttribute('data-failed')).toBeNull();
}

describe('worker failures name their cause, and Reset recovers', () => {
  it('the training code cannot load (tfjs chunk blocked)', async () => {
    const { page } = await openPage(browser, '/chapters/04-generative-adversarial-networks/');
    await page.route('**/_astro/tf-*.js', (r) => r.abort());
    const id = 'optimal-discriminator';
    await settle(page, id);
    expect(await page.locator(`[data-widget="${id}"]`).getAttribute('data-failed')).toBe('code');
    const text = (await statusOf(page, id)) ?? '';
    expect(text).toMatch(/Could not load the training code of optimal-discriminator/);
    expect(text).toMatch(/Reload the page/);
    expect(text).not.toMatch(/unknown error/);
    await page.unroute('**/_astro/tf-*.js');
    await resetAndStep(page, id);
    await page.close();
  });

  it('the MNIST digits cannot be fetched (404)', async () => {
    const { page } = await openPage(browser, '/chapters/03-variational-autoencoders/');
    await page.route('**/data/mnist.bin.gz', (r) => r.fulfill({ status: 404, body: 'not found' }));
    const id = 'vae-mnist';
    await settle(page, id);
    expect(await page.locator(`[data-widget="${id}"]`).getAttribute('data-failed')).toBe('data');
    const text = (await statusOf(page, id)) ?? '';
    expect(text).toMatch(/Could not load the MNIST digits from \/data\/mnist\.bin\.gz: the server answered 404/);
    expect(text).toMatch(/press Reset to try again/);
    await page.unroute('**/data/mnist.bin.gz');
    await resetAndStep(page, id);
    await page.close();
  });

  it('the WASM binaries cannot be fetched: training falls back to another backend and says why', async () => {
    const { page } = await openPage(browser, '/chapters/04-generative-adversarial-networks/');
    await page.route('**/*.wasm', (r) => r.abort());
    const id = 'optimal-discriminator';
    await settle(page, id);
    const w = page.locator(`[data-widget="${id}"]`);
    expect(await w.getAttribute('data-failed')).toBeNull();
    expect(await w.getAttribute('data-backend')).not.toBe('wasm');
    expect((await statusOf(page, id)) ?? '').toMatch(/^Training on (cpu|webgl): wasm: /);
    await w.locator('[data-action="step"]').click();
    await page.waitForFunction((wid) => Number(document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step) >= 1, id, { timeout: 60_000 });
    await page.close();
  });
});
