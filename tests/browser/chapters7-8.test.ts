/** The chapter 7 and 8 widgets: each plays, pauses, resets, rejects bad input, draws, and keeps errors off the console. */
import { describe, expect, it } from 'vitest';
import { metric, metricText, openPage, setParam, stepN, waitReady, widget, sharedBrowser } from './helpers';

const browser = await sharedBrowser();

const CASES = [
  { path: '/chapters/07-adversarial-autoencoders/', id: 'aae-mnist', metrics: ['recon', 'd_loss', 'g_loss', 'code_mmd'] },
  { path: '/chapters/08-ali-bigan/', id: 'ali-2d', metrics: ['d_loss', 'recon_error', 'modes_covered'] },
  { path: '/chapters/08-ali-bigan/', id: 'bigan-mnist', metrics: ['probe_acc', 'probe_acc_random'] },
];

describe.each(CASES)('$id widget', ({ path, id, metrics }) => {
  it('steps, plays, pauses, resets, and reports its metrics', async () => {
    const { page, errors, outside } = await openPage(browser, path);
    await waitReady(page, id, 120_000);
    await stepN(page, id, 2);
    for (const m of metrics) expect(Number.isFinite(await metric(page, id, m))).toBe(true);
    await widget(page, id).locator('[data-action="play"]').click();
    await page.waitForFunction((wid) => Number(document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step) > 4, id, { timeout: 120_000 });
    await widget(page, id).locator('[data-action="pause"]').click();
    // A slice already in flight may still report one more step: let it land first.
    await page.waitForTimeout(1000);
    const s1 = await metric(page, id, 'step');
    await page.waitForTimeout(500);
    expect(await metric(page, id, 'step')).toBe(s1);
    await widget(page, id).locator('[data-action="reset"]').click();
    await page.waitForFunction((wid) => document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step === '0', id, { timeout: 120_000 });
    expect(await metricText(page, id, 'backend')).not.toBe('');
    expect(await widget(page, id).locator('svg, canvas').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 300_000);

  it('rejects bad learning rates with a message', async () => {
    const { page } = await openPage(browser, path);
    await waitReady(page, id, 120_000);
    for (const bad of ['0', '-1', '1e9', 'abc']) {
      const msg = await setParam(page, id, 'lr', bad);
      expect(msg).toMatch(/Learning rate/);
    }
    await page.close();
  }, 300_000);
});
