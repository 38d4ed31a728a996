/**
 * What a reader expects of the controls: a learning rate changed while the model trains applies
 * to the running model (the step count goes on) while a setting that changes shapes resets it,
 * and each input says which; sampling PixelCNN digits pauses training and resumes it afterwards.
 */
import { describe, expect, it } from 'vitest';
import { openPage, setParam, stepN, waitReady, widget, sharedBrowser } from './helpers';

const browser = await sharedBrowser();
const ID = 'gan-2d';
const stepOf = (id: string) => `Number(document.querySelector('[data-widget="${id}"]')?.dataset.step)`;

describe('live settings on /playground/', () => {
  it('changing the learning rate while running keeps the step count; a shape setting resets and says so', async () => {
    const { page, errors } = await openPage(browser, '/playground/');
    await waitReady(page, ID);
    const w = widget(page, ID);
    expect(await w.locator(`#${ID}-g_lr-note`).textContent()).toBe('applies while training');
    expect(await w.locator(`#${ID}-g_units-note`).textContent()).toBe('resets the model');
    await w.locator('[data-action="play"]').click();
    await page.waitForFunction(`${stepOf(ID)} > 20`, undefined, { timeout: 60_000 });
    const before = Number(await w.getAttribute('data-step'));
    expect(await setParam(page, ID, 'g_lr', '0.0005')).toBe('');
    expect(await w.locator('.status').textContent()).toMatch(/G learning rate set to 0\.0005; applied to the running model/);
    await page.waitForFunction(`${stepOf(ID)} > ${before + 10}`, undefined, { timeout: 60_000 });
    expect(await w.getAttribute('data-running')).toBe('true');
    expect(page.url()).toContain('gan-2d.g_lr=0.0005');
    // a shape setting rebuilds the model from step 0
    expect(await setParam(page, ID, 'g_units', '16')).toBe('');
    expect(await w.locator('.status').textContent()).toMatch(/the model was reset/);
    await page.waitForFunction(`${stepOf(ID)} === 0`, undefined, { timeout: 60_000 });
    expect(errors).toEqual([]);
  });
});

describe('pixelcnn-mnist: sampling while training', () => {
  it('pauses training for the sample, then resumes it without a press on Play', async () => {
    const id = 'pixelcnn-mnist';
    const { page, errors } = await openPage(browser, '/chapters/02-autoregressive-models/?pixelcnn-mnist.samples=1');
    await waitReady(page, id, 120_000);
    const w = widget(page, id);
    await w.locator('[data-action="play"]').click();
    await page.waitForFunction(`${stepOf(id)} >= 5`, undefined, { timeout: 120_000 });
    await w.locator('[data-action="sample"]').click();
    await page.waitForFunction(`document.querySelector('[data-widget="${id}"] .status')?.textContent?.startsWith('Sampling done; training resumed')`, undefined, { timeout: 200_000 });
    expect(await w.getAttribute('data-running')).toBe('true');
    const after = Number(await w.getAttribute('data-step'));
    await page.waitForFunction(`${stepOf(id)} > ${after}`, undefined, { timeout: 60_000 });
    expect(await w.locator('[data-action="pause"]').isDisabled()).toBe(false);
    expect(errors).toEqual([]);
  }, 400_000);
});

describe('legends and one scale per axis', () => {
  it('bigan-mnist: the probe chart names both lines in a legend inside the chart', async () => {
    const id = 'bigan-mnist';
    const { page, errors } = await openPage(browser, '/chapters/08-ali-bigan/');
    await waitReady(page, id, 120_000);
    const w = widget(page, id);
    await page.waitForFunction(`[...document.querySelectorAll('[data-widget="${id}"] .charts svg')].some((s) => s.closest('figure, div')?.textContent?.includes('same probe, random E'))`, undefined, { timeout: 60_000 });
    const text = await w.locator('.charts').textContent();
    expect(text).toContain("probe on E's codes (this run)");
    expect(text).toContain('same probe, random E (before training)');
    expect(errors).toEqual([]);
  }, 200_000);

  it('ali-2d: modes covered and the reconstruction error have a chart and an axis each', async () => {
    const id = 'ali-2d';
    const { page, errors } = await openPage(browser, '/chapters/08-ali-bigan/');
    await waitReady(page, id);
    await stepN(page, id, 11);
    const w = widget(page, id);
    await page.waitForFunction(`document.querySelector('[data-widget="${id}"] [aria-label="History of the reconstruction error"] svg') !== null`, undefined, { timeout: 60_000 });
    const modes = await w.locator('[aria-label="History of modes covered"]').textContent();
    const recon = await w.locator('[aria-label="History of the reconstruction error"]').textContent();
    expect(modes).toContain('modes covered');
    expect(modes).not.toContain('recon');
    expect(recon).toContain('reconstruction error');
    expect(recon).not.toMatch(/×/);
    expect(errors).toEqual([]);
  });
});

describe('list inputs', () => {
  it('gan-2d "My points": the message quotes what was typed and the form expected', async () => {
    const { page, errors } = await openPage(browser, '/playground/');
    await waitReady(page, ID);
    const msg = await setParam(page, ID, 'points', 'abc');
    expect(msg).toContain('"abc" is not a point');
    expect(msg).toMatch(/two numbers "x y"/);
    expect(msg).toMatch(/\. The model keeps the setting as it was \(empty\)\.$/);
    expect(await setParam(page, ID, 'points', '1e9 0')).toContain('"1e9 0" is outside the plane');
    expect(errors).toEqual([]);
  });
});
