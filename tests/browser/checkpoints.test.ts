/**
 * "Load trained": each widget with a checkpoint (public/checkpoints/) starts trained from the
 * link `?<id>.from=trained` (step = the manifest's steps) within 2 s of being shown, continues
 * training from there, and Reset starts from scratch; a setting the checkpoint does not fit
 * disables the button with the reason; a missing file says what failed; the lecture link opens
 * on the trained latent map in large type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, setParam, sharedBrowser, widget } from './helpers';

const browser = await sharedBrowser();
const root = join(import.meta.dirname, '../..');
const steps = (id: string) => JSON.parse(readFileSync(join(root, 'public/checkpoints', `${id}.json`), 'utf8')).steps as number;

const WIDGETS: [string, string][] = [
  ['vae-mnist', '/chapters/03-variational-autoencoders/'],
  ['pixelcnn-mnist', '/chapters/02-autoregressive-models/'],
  ['mnist-gan', '/chapters/04-generative-adversarial-networks/'],
  ['gan-2d', '/chapters/04-generative-adversarial-networks/'],
  ['aae-mnist', '/chapters/07-adversarial-autoencoders/'],
  ['bigan-mnist', '/chapters/08-ali-bigan/'],
];

/** Scrolls the widget into view and returns the milliseconds until its step readout is `n`. */
async function msUntilStep(page: import('playwright-core').Page, id: string, n: number, timeout = 60_000): Promise<number> {
  const t0 = await page.evaluate((wid) => {
    document.querySelector(`[data-widget="${wid}"]`)!.scrollIntoView({ block: 'center' });
    return performance.now();
  }, id);
  await page.waitForFunction(([wid, s]) => document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step === String(s), [id, n] as const, { timeout });
  return (await page.evaluate(() => performance.now())) - t0;
}

describe('checkpointed widgets start trained', () => {
  for (const [id, path] of WIDGETS) {
    it(`${id}: ?${id}.from=trained starts at the checkpoint's step within 2 s of being shown (or twice a fresh start on a slow machine); Step continues, Reset starts over`, async () => {
      const n = steps(id);
      // A fresh start on this machine, for comparison: from being shown to the untrained model's first report.
      const fresh = await openPage(browser, path);
      const freshMs = await msUntilStep(fresh.page, id, 0);
      await fresh.page.close();
      const { page, errors, outside } = await openPage(browser, `${path}?${id}.from=trained`);
      const ms = await msUntilStep(page, id, n);
      const sinceStart = await page.evaluate(() => performance.now());
      console.log(
        `${id}: step ${n} shown ${Math.round(ms)} ms after the widget was scrolled into view (${Math.round(sinceStart)} ms after navigation start); a fresh start took ${Math.round(freshMs)} ms`,
      );
      // The target is 2 s. On a loaded machine where even a fresh start takes longer (worker code,
      // WASM, the digits), the trained start may take at most twice a fresh one: loading must not
      // add work of the order of the start itself (training, a probe fit).
      expect(ms).toBeLessThan(Math.max(2000, 2 * freshMs));
      const w = widget(page, id);
      expect(await w.getAttribute('data-from')).toBe('trained');
      expect(Number(await w.locator('[data-metric="step"]').getAttribute('data-value'))).toBe(n);
      await expect.poll(() => w.locator('[data-action="load-trained"]').isEnabled()).toBe(true);
      await w.locator('[data-action="step"]').click();
      await page.waitForFunction(([wid, s]) => document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step === String(s), [id, n + 1] as const);
      await w.locator('[data-action="reset"]').click();
      await page.waitForFunction((wid) => document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step === '0', id);
      expect(page.url()).not.toContain(`${id}.from=trained`);
      // The button loads the checkpoint again.
      await w.locator('[data-action="load-trained"]').click();
      await page.waitForFunction(([wid, s]) => document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step === String(s), [id, n] as const);
      expect(page.url()).toContain(`${id}.from=trained`);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    });
  }
});

describe('vae-mnist checkpoint', () => {
  const ID = 'vae-mnist';
  const PATH = '/chapters/03-variational-autoencoders/';

  it('is not offered for other hidden units, and says why', async () => {
    const { page, errors } = await openPage(browser, `${PATH}?${ID}.from=trained`);
    await msUntilStep(page, ID, steps(ID));
    expect(await setParam(page, ID, 'hidden', '64')).toBe('');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="vae-mnist"]')?.dataset.step === '0');
    const w = widget(page, ID);
    expect(await w.locator('[data-action="load-trained"]').isDisabled()).toBe(true);
    expect(await w.locator('.trained-note').textContent()).toMatch(/Hidden units .* = 256 \(here 64\)/);
    expect(await w.getAttribute('data-from')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says which file failed when the weights are missing', async () => {
    const page = await browser.newPage();
    await page.route('**/checkpoints/vae-mnist.bin', (r) => r.fulfill({ status: 404, body: 'not found' }));
    const { baseUrl } = await import('./helpers');
    await page.goto(baseUrl() + `${PATH}?${ID}.from=trained`, { waitUntil: 'load' });
    await page.locator(`[data-widget="${ID}"]`).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="vae-mnist"]')?.dataset.failed === 'checkpoint', undefined, { timeout: 60_000 });
    const status = await page.locator(`[data-widget="${ID}"] .status`).textContent();
    expect(status).toMatch(/checkpoints\/vae-mnist\.bin: the server answered 404/);
    expect(status).toMatch(/Press Reset to train from scratch/);
    // Reset trains from scratch.
    await page.locator(`[data-widget="${ID}"] [data-action="reset"]`).click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="vae-mnist"]')?.dataset.step === '0', undefined, { timeout: 60_000 });
    await page.close();
  });

  it('the lecture link opens on the trained latent map in large type', async () => {
    const { page, errors } = await openPage(browser, `${PATH}?${ID}.from=trained&${ID}.controls=off&${ID}.lecture=on`);
    const w = widget(page, ID);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="vae-mnist"]')?.dataset.step === '1000', undefined, { timeout: 60_000 });
    expect(await w.getAttribute('class')).toMatch(/\blecture\b/);
    expect(await w.getAttribute('data-controls')).toBe('off');
    expect(await w.locator('[data-action="play"]').isVisible()).toBe(false);
    // The page opened on the widget, and the latent scatter shows the 500 trained codes.
    const box = await page.evaluate(() => {
      const r = document.querySelector('[data-widget="vae-mnist"]')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, h: window.innerHeight };
    });
    expect(box.top).toBeLessThan(box.h);
    expect(box.bottom).toBeGreaterThan(0);
    // 500 codes: dots inside the plot, open triangles (counted in the caption) for codes outside it.
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-widget="vae-mnist"] .vae-scatter');
      const dots = box?.querySelectorAll('svg circle').length ?? 0;
      const off = Number(/Open triangles: (\d+) code/.exec(box?.textContent ?? '')?.[1] ?? 0);
      return dots + off === 500;
    }, undefined, { timeout: 30_000 });
    // Trained codes spread over the plane (the untrained encoder puts them in a small patch).
    expect(await w.locator('.vae-scatter svg circle').count()).toBeGreaterThan(300);
    const fontSize = await w.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThan(body);
    expect(errors).toEqual([]);
    await page.close();
  });
});
