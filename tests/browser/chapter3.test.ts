/** Chapter 3: both widgets train in their workers, reset, reject bad input; the VAE draws its views. */
import { describe, expect, it } from 'vitest';
import { metric, openPage, setParam, stepN, waitReady, widget, sharedBrowser } from './helpers';

const PATH = '/chapters/03-variational-autoencoders/';
const browser = await sharedBrowser();

describe('reparam-gradients widget', () => {
  const ID = 'reparam-gradients';
  it('plays, reports both variances, pauses and resets; rejects a bad sigma', async () => {
    const { page, errors, outside } = await openPage(browser, PATH);
    await waitReady(page, ID);
    await page.selectOption(`[data-widget="${ID}"] [data-action="speed"]`, 'max');
    await widget(page, ID).locator('[data-action="play"]').click();
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-widget="reparam-gradients"]')?.dataset.step) > 50);
    await widget(page, ID).locator('[data-action="pause"]').click();
    await page.waitForTimeout(300);
    expect(await metric(page, ID, 'grad_exact')).toBeCloseTo(1, 6);
    expect(await metric(page, ID, 'samples')).toBeGreaterThan(500);
    expect(await metric(page, ID, 'var_score')).toBeGreaterThan(await metric(page, ID, 'var_reparam'));
    for (const bad of ['0', '-1', '1e9', 'abc']) expect(await setParam(page, ID, 'sigma', bad)).toMatch(/σ/);
    await widget(page, ID).locator('[data-action="reset"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="reparam-gradients"]')?.dataset.step === '0');
    expect(await metric(page, ID, 'samples')).toBe(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});

describe('vae-mnist widget', () => {
  const ID = 'vae-mnist';
  it('loads MNIST in the worker, steps, draws the scatter and grids, rejects a bad learning rate', async () => {
    const { page, errors, outside } = await openPage(browser, PATH);
    await waitReady(page, ID, 120_000);
    const elbo0 = await metric(page, ID, 'elbo');
    expect(elbo0).toBeLessThan(-500);
    await stepN(page, ID, 3);
    expect(await metric(page, ID, 'step')).toBe(3);
    // Paused after stepping: the page asks for a refresh, so the test numbers belong to step 3.
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-widget="vae-mnist"] [data-metric="elbo"]')?.dataset.value) > -540, null, { timeout: 60_000 });
    // 500 codes: dots inside the plot, open triangles (counted in the caption) for codes outside it.
    // Read both in one go: a refresh may redraw the scatter between two separate reads.
    const counts = await page.waitForFunction(() => {
      const box = document.querySelector('[data-widget="vae-mnist"] .vae-scatter');
      const dots = box?.querySelectorAll('svg circle').length ?? 0;
      const off = Number(/Open triangles: (\d+) code/.exec(box?.textContent ?? '')?.[1] ?? 0);
      return dots > 0 && dots + off === 500 ? { dots, off } : null;
    }, null, { timeout: 30_000 }).then((h) => h.jsonValue());
    expect(counts!.dots + counts!.off).toBe(500);
    expect(await widget(page, ID).locator('canvas').count()).toBe(4);
    for (const bad of ['0', '-1', '1e9', 'abc']) expect(await setParam(page, ID, 'lr', bad)).toMatch(/Learning rate/);
    // Picking an interpolation end answers with a status line.
    await widget(page, ID).locator('.picks canvas').first().click({ position: { x: 5, y: 5 } });
    await page.waitForFunction(() => /Interpolation end A/.test(document.querySelector('[data-widget="vae-mnist"] .status')?.textContent ?? ''));
    await widget(page, ID).locator('[data-action="reset"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="vae-mnist"]')?.dataset.step === '0');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 240_000);
});
