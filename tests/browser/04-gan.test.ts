import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { metric, openBrowser, openPage, setParam, waitReady, widget } from './helpers';

const PAGE = '/chapters/04-generative-adversarial-networks/';
const ID = 'optimal-discriminator';

describe('chapter 4: optimal-discriminator widget', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Play advances the step, Reset returns to 0, bad input shows messages', async () => {
    const { page, errors, outside } = await openPage(browser, PAGE);
    await waitReady(page, ID);
    const w = widget(page, ID);
    // The closed-form readouts are there at step 0.
    expect(await metric(page, ID, 'value_optimal')).toBeLessThan(0);
    expect(await metric(page, ID, 'jsd')).toBeGreaterThan(0);

    await w.locator('[data-action="play"]').click();
    await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>(`[data-widget="${id}"]`)?.dataset.step) >= 20, ID, { timeout: 60_000 });
    await w.locator('[data-action="pause"]').click();
    expect(await metric(page, ID, 'step')).toBeGreaterThanOrEqual(20);
    // V(D, G) never exceeds its maximum C(G).
    expect(await metric(page, ID, 'value')).toBeLessThanOrEqual((await metric(page, ID, 'value_optimal')) + 1e-6);

    await w.locator('[data-action="reset"]').click();
    await page.waitForFunction((id) => document.querySelector<HTMLElement>(`[data-widget="${id}"]`)?.dataset.step === '0', ID);
    expect(await metric(page, ID, 'step')).toBe(0);

    for (const bad of ['0', '-1', '1e9', 'abc']) {
      const msg = await setParam(page, ID, 'lr', bad);
      expect(msg, `lr = ${bad}`).toMatch(/Learning rate/);
    }
    const parseMsg = await setParam(page, ID, 'pdata', '0.5 N(0, 1) + Q(1, 2)');
    expect(parseMsg).toMatch(/cannot read "Q\(1, 2\)"/);
    const sigmaMsg = await setParam(page, ID, 'pg', 'N(0, -1)');
    expect(sigmaMsg).toMatch(/sigma must be positive/);

    // A valid pair from the URL-settable text form resets the model with its JSD.
    expect(await setParam(page, ID, 'pdata', 'N(0, 1)')).toBe('');
    expect(await setParam(page, ID, 'pg', 'N(0, 1)')).toBe('');
    await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>(`[data-widget="${id}"] [data-metric="jsd"]`)?.dataset.value) < 1e-6, ID);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('reads its settings from the URL', async () => {
    const q = new URLSearchParams({ [`${ID}.pdata`]: 'N(-3, 0.5)', [`${ID}.pg`]: 'N(3, 0.5)', [`${ID}.hidden`]: '8' });
    const { page, errors } = await openPage(browser, `${PAGE}?${q}`);
    await waitReady(page, ID);
    expect(await metric(page, ID, 'jsd')).toBeCloseTo(Math.LN2, 4);
    expect(await page.locator(`#${ID}-hidden`).inputValue()).toBe('8');
    expect(errors).toEqual([]);
    await page.close();
  });
});
