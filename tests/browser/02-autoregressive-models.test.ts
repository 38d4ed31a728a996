import { describe, expect, it } from 'vitest';
import { metric, metricText, openPage, setParam, stepN, waitReady, widget, sharedBrowser } from './helpers';

const PATH = '/chapters/02-autoregressive-models/';
const browser = await sharedBrowser();

describe('chapter 2: pixelcnn-mask', () => {
  it('steps grow the stack, clicks and keys select pixels, gated removes the blind spot', async () => {
    const { page, errors, outside } = await openPage(browser, PATH);
    const id = 'pixelcnn-mask';
    await waitReady(page, id);
    expect(await metric(page, id, 'depth')).toBe(5);
    expect(await metric(page, id, 'influence_pixels')).toBe(50);
    expect(await metric(page, id, 'blind_spot')).toBe(10);
    await stepN(page, id, 2);
    expect(await metric(page, id, 'depth')).toBe(2);
    expect(await metric(page, id, 'blind_spot')).toBe(1);
    // Click the top-left cell: nothing can influence pixel (0, 0).
    const grid = widget(page, id).locator('.pcnn-grid svg');
    await grid.click({ position: { x: 3, y: 3 } });
    await page.waitForFunction(() => document.querySelector('[data-widget="pixelcnn-mask"] [data-metric="influence_pixels"]')?.getAttribute('data-value') === '0');
    // Keyboard: move the cursor down and right, Enter selects (1, 1).
    await widget(page, id).locator('.pcnn-grid').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Pixel \(1, 1\)/.test(document.querySelector('[data-widget="pixelcnn-mask"] .pcnn-grid + .pcnn-legend + .hint')?.textContent ?? ''));
    // Gated layout: no blind spot at the default pixel.
    await widget(page, id).locator('#pixelcnn-mask-layout').selectOption('gated');
    await page.waitForFunction(() => document.querySelector('[data-widget="pixelcnn-mask"]')?.getAttribute('data-step') === '0');
    await page.waitForFunction(() => document.querySelector('[data-widget="pixelcnn-mask"] [data-metric="blind_spot"]')?.getAttribute('data-value') === '0');
    expect(await setParam(page, id, 'layers', '0')).toMatch(/out of range/);
    expect(await setParam(page, id, 'layers', 'abc')).toMatch(/not a number/);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 400_000);
});

describe('chapter 2: pixelcnn-mnist', () => {
  it('Play trains (step and NLL move), sampling draws pixels, Reset and bad input work', async () => {
    // Two images per sampling run keep the test short.
    const { page, errors, outside } = await openPage(browser, PATH + '?pixelcnn-mnist.samples=2');
    const id = 'pixelcnn-mnist';
    await waitReady(page, id, 120_000);
    const nll0 = await metric(page, id, 'nll_nats');
    expect(nll0).toBeGreaterThan(200);
    await widget(page, id).locator('[data-action="play"]').click();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-widget="pixelcnn-mnist"]')?.dataset.step) >= 30, undefined, { timeout: 120_000 });
    await widget(page, id).locator('[data-action="pause"]').click();
    expect(await metric(page, id, 'nll_nats')).toBeLessThan(nll0);
    expect(await metric(page, id, 'bits_per_dim')).toBeGreaterThan(0);
    // paused: a dash (no rate), or the last rate if the paused report has not arrived yet
    expect(await metricText(page, id, 'steps_per_s')).toMatch(/^(–|\d+(\.\d+)?)$/);
    // Sampling: the full run finishes and reports its measured cost.
    await widget(page, id).locator('[data-action="sample"]').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-widget="pixelcnn-mnist"] [data-metric="sample_ms"]')?.getAttribute('data-value')) > 0, undefined, { timeout: 200_000 });
    expect(await metric(page, id, 'sample_ms')).toBeGreaterThan(0);
    expect(await setParam(page, id, 'lr', '0')).toMatch(/out of range/);
    expect(await setParam(page, id, 'lr', '1e9')).toMatch(/out of range/);
    expect(await setParam(page, id, 'lr', 'abc')).toMatch(/not a number/);
    await widget(page, id).locator('[data-action="reset"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="pixelcnn-mnist"]')?.dataset.step === '0');
    expect(await metricText(page, id, 'backend')).toMatch(/^wasm( \(\d+ threads?\))?$/);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 400_000);
});
