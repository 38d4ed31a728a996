import { describe, expect, it } from 'vitest';
import { metric, openPage, setParam, waitReady, widget, sharedBrowser } from './helpers';

const PAGE = '/chapters/04-generative-adversarial-networks/';
const ID = 'optimal-discriminator';

const browser = await sharedBrowser();

describe('chapter 4: optimal-discriminator widget', () => {
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

  it('on the built site, D reaches the targets on the default pair and the gap chart draws it (chapter: by step 150)', async () => {
    const { page, errors } = await openPage(browser, PAGE);
    await waitReady(page, ID);
    const w = widget(page, ID);
    await w.locator('[data-action="play"]').click();
    await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>(`[data-widget="${id}"]`)?.dataset.step) >= 300, ID, { timeout: 120_000 });
    await w.locator('[data-action="pause"]').click();
    const gap = await metric(page, ID, 'max_gap');
    const dv = (await metric(page, ID, 'value_optimal')) - (await metric(page, ID, 'value'));
    console.log(`optimal-discriminator in the browser at step ${await metric(page, ID, 'step')}: max_gap ${gap}, C - V ${dv}`);
    expect(gap).toBeLessThan(0.05);
    expect(dv).toBeLessThan(0.01);
    expect(dv).toBeGreaterThan(-1e-6);
    // The max |D - D*| chart is drawn.
    await expect.poll(() => w.locator('[aria-label^="max |D − D*| over training steps"] svg').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
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

  it('Figure 1: D-only and G-only buttons move one player each; the loss widget steps', async () => {
    const { page, errors } = await openPage(browser, PAGE);
    const F = 'gan-figure1';
    await waitReady(page, F);
    const w = widget(page, F);
    await w.locator('[data-action="step-d"]').click();
    await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>(`[data-widget="${id}"] [data-metric="d_steps"]`)?.dataset.value) === 1, F);
    expect(await metric(page, F, 'g_steps')).toBe(0);
    expect(await metric(page, F, 'step')).toBe(0);
    await w.locator('[data-action="step-g"]').click();
    await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>(`[data-widget="${id}"] [data-metric="g_steps"]`)?.dataset.value) === 1, F);
    expect(await setParam(page, F, 'k', '0')).toMatch(/K: discriminator steps/);
    expect(await setParam(page, F, 'k', '3')).toBe('');
    await waitReady(page, F);
    await w.locator('[data-action="step"]').click();
    await page.waitForFunction((id) => Number(document.querySelector<HTMLElement>(`[data-widget="${id}"] [data-metric="d_steps"]`)?.dataset.value) === 3, F);

    const L = 'generator-losses';
    await waitReady(page, L);
    await widget(page, L).locator('[data-action="step"]').click();
    await page.waitForFunction((id) => document.querySelector<HTMLElement>(`[data-widget="${id}"]`)?.dataset.step === '1', L);
    expect(await metric(page, L, 'b_ns')).toBeGreaterThan(await metric(page, L, 'b_minimax'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
