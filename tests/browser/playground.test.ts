/** The GAN playground page: live training, steps/s, Reset, input checks, drawing a custom target. */
import { describe, expect, it } from 'vitest';
import { metric, openPage, setParam, stepN, waitReady, widget, sharedBrowser } from './helpers';

const PATH = '/playground/';
const ID = 'gan-2d';
const browser = await sharedBrowser();

const stepOf = (id: string) => `Number(document.querySelector('[data-widget="${id}"]')?.dataset.step)`;

describe('gan-2d on /playground/', () => {
  it('Play advances the step with steps_per_s > 0; Pause holds; Reset returns to step 0', async () => {
    const { page, errors, outside } = await openPage(browser, PATH);
    await waitReady(page, ID);
    await widget(page, ID).locator('[data-action="play"]').click();
    await page.waitForFunction(`${stepOf(ID)} > 20`, undefined, { timeout: 60_000 });
    await page.waitForFunction(`Number(document.querySelector('[data-widget="${ID}"] [data-metric="steps_per_s"]')?.dataset.value) > 0`);
    expect(await metric(page, ID, 'steps_per_s')).toBeGreaterThan(0);
    await page.waitForFunction(`document.querySelector('[data-widget="${ID}"] [data-metric="mmd"]')?.dataset.value !== ''`);
    expect(Number.isFinite(await metric(page, ID, 'mmd'))).toBe(true);
    expect(await metric(page, ID, 'modes_total')).toBe(8);
    // Drawing the plane and charts stays cheap (the aim is under 20 ms a frame; the bound
    // leaves room for a loaded CI machine).
    const drawMs = Number(await widget(page, ID).getAttribute('data-draw-mean-ms'));
    console.log('gan-2d mean draw ms', drawMs, 'steps/s', await metric(page, ID, 'steps_per_s'));
    expect(drawMs).toBeGreaterThan(0);
    expect(drawMs).toBeLessThan(80);
    await widget(page, ID).locator('[data-action="pause"]').click();
    // the worker reads the pause after its current slice and report (the MMD over 2,500 x 2,500
    // pairs can take a while on a busy machine): let that land, then check that nothing moves
    await page.waitForTimeout(2000);
    const s1 = await metric(page, ID, 'step');
    await page.waitForTimeout(800);
    expect(await metric(page, ID, 'step')).toBe(s1);
    await widget(page, ID).locator('[data-action="reset"]').click();
    await page.waitForFunction(`${stepOf(ID)} === 0`);
    expect(await metric(page, ID, 'step')).toBe(0);
    // Step D / Step G / slow motion answer with a description.
    await widget(page, ID).locator('[data-action="stage"]').click();
    await page.waitForFunction(`document.querySelector('[data-widget="${ID}"] .gan2d-stage')?.textContent?.startsWith('Stage 1 of 4')`);
    await widget(page, ID).locator('[data-action="step-d"]').click();
    await page.waitForFunction(`document.querySelector('[data-widget="${ID}"] .gan2d-stage')?.textContent?.includes('Updated D once')`);
    await stepN(page, ID, 1);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('a bad learning rate gives a message and keeps the old value', async () => {
    const { page, errors } = await openPage(browser, PATH);
    await waitReady(page, ID);
    for (const bad of ['0', '-1', '1e9', 'abc']) {
      const msg = await setParam(page, ID, 'g_lr', bad);
      expect(msg).toMatch(/G learning rate/);
      expect(msg).toMatch(/keeps 0.001/);
    }
    expect(await page.locator(`#${ID}-g_lr`).getAttribute('aria-invalid')).toBe('true');
    await stepN(page, ID, 2);
    expect(errors).toEqual([]);
  });

  it('drawing points with the pointer creates a custom target', async () => {
    const { page, errors } = await openPage(browser, PATH);
    await waitReady(page, ID);
    await widget(page, ID).locator('[data-action="draw"]').click();
    const canvas = widget(page, ID).locator('.gan2d-plane canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    // a stroke across the upper half of the plane
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width * (0.2 + 0.03 * i), box.y + box.height * 0.3);
    await page.mouse.up();
    await page.waitForFunction(`document.querySelector('#${ID}-target')?.value === 'custom'`);
    const pts = await page.inputValue(`#${ID}-points`);
    const n = pts.split(';').length;
    expect(n).toBeGreaterThan(5);
    // the first point is near x = -1.8, y = 1.2 on the plane [-3, 3]^2
    const [x, y] = pts.split(';')[0].trim().split(/\s+/).map(Number);
    expect(Math.abs(x + 1.8)).toBeLessThan(0.15);
    expect(Math.abs(y - 1.2)).toBeLessThan(0.15);
    await page.waitForFunction(`${stepOf(ID)} === 0`);
    await page.waitForFunction(`Number(document.querySelector('[data-widget="${ID}"] [data-metric="modes_total"]')?.dataset.value) === ${n}`);
    expect(page.url()).toContain(`${ID}.target=custom`);
    await stepN(page, ID, 2);
    expect(errors).toEqual([]);
  });

  it('at 390 px the model overview runs top to bottom inside the window, its labels readable', async () => {
    const { page, errors } = await openPage(browser, PATH, { width: 390, height: 844 });
    await waitReady(page, ID);
    await stepN(page, ID, 1);
    const o = await widget(page, ID).evaluate((w) => {
      const svg = w.querySelector<SVGSVGElement>('svg.gan2d-overview')!;
      const r = svg.getBoundingClientRect();
      const box = svg.parentElement!;
      const text = (sel: string) => Math.min(...[...svg.querySelectorAll<SVGTextElement>(sel)].map((t) => t.getBoundingClientRect().height));
      return { layout: svg.dataset.layout, left: r.left, right: r.right, scroll: box.scrollWidth - box.clientWidth, smallest: text('text'), vw: innerWidth };
    });
    expect(o.layout).toBe('tall');
    expect(o.left).toBeGreaterThanOrEqual(0);
    expect(o.right).toBeLessThanOrEqual(o.vw);
    expect(o.scroll).toBe(0);
    // "2 × 32 relu" and the other small labels stay readable (the wide diagram scaled them to 9 px)
    expect(o.smallest).toBeGreaterThanOrEqual(11);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 1280 px the overview runs side to side, the dashed G-loss arrow ends above G\'s box clear of its name', async () => {
    const { page, errors } = await openPage(browser, PATH);
    await waitReady(page, ID);
    const o = await widget(page, ID).evaluate((w) => {
      const svg = w.querySelector<SVGSVGElement>('svg.gan2d-overview')!;
      const dashed = svg.querySelector<SVGPathElement>('path[stroke-dasharray]')!;
      const end = dashed.getPointAtLength(dashed.getTotalLength());
      const g = svg.querySelector<SVGGElement>('g.node.g')!;
      const rect = g.querySelector('rect')!.getBBox();
      const name = g.querySelector('text')!.getBBox();
      return { layout: svg.dataset.layout, end: { x: end.x, y: end.y }, rect: { x: rect.x, y: rect.y, w: rect.width }, name: { x: name.x, w: name.width } };
    });
    expect(o.layout).toBe('wide');
    // the tip sits on the box's top edge, beside the "G" rather than on it
    expect(Math.abs(o.end.y - o.rect.y)).toBeLessThanOrEqual(3);
    expect(o.end.x).toBeGreaterThan(o.name.x + o.name.w + 8);
    expect(o.end.x).toBeLessThan(o.rect.x + o.rect.w);
    expect(errors).toEqual([]);
    await page.close();
  });
});
