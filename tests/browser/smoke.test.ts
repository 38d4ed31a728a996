/**
 * The fast tier's browser check (`npm run test:fast`): one chapter page of the built site loads
 * without console errors or requests to other hosts, its math is typeset, and a widget's worker
 * starts, steps, reports its numbers and resets.
 */
import { describe, expect, it } from 'vitest';
import { metric, openPage, sharedBrowser, stepN, waitReady, widget } from './helpers';

const browser = await sharedBrowser();

describe('smoke', () => {
  it('chapter 1 loads cleanly and its density-1d widget steps and resets', async () => {
    const { page, errors, outside } = await openPage(browser, '/chapters/01-generative-models/');
    expect(await page.locator('.katex').count()).toBeGreaterThan(10);
    expect(await page.locator('.katex-error').count()).toBe(0);
    await waitReady(page, 'density-1d');
    await stepN(page, 'density-1d', 2);
    expect(await widget(page, 'density-1d').getAttribute('data-step')).toBe('2');
    expect(Number.isFinite(await metric(page, 'density-1d', 'loglik'))).toBe(true);
    await widget(page, 'density-1d').locator('[data-action="reset"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="density-1d"]')?.dataset.step === '0');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
