/** Chapter 5 and 6 widgets in the built site: each starts, steps, resets, rejects bad input. */
import { describe, expect, it } from 'vitest';
import { metric, metricText, openPage, setParam, stepN, waitReady, widget, sharedBrowser } from './helpers';

const browser = await sharedBrowser();

const CH5 = '/chapters/05-divergences/';
const CH6 = '/chapters/06-wasserstein-gan/';

async function basic(path: string, id: string, bad: [string, string, RegExp], readout: string) {
  const { page, errors, outside } = await openPage(browser, path);
  await waitReady(page, id);
  await stepN(page, id, 2);
  expect(await metric(page, id, 'step')).toBe(2);
  expect(Number.isFinite(await metric(page, id, readout))).toBe(true);
  await widget(page, id).locator('[data-action="reset"]').click();
  await page.waitForFunction((wid) => document.querySelector<HTMLElement>(`[data-widget="${wid}"]`)?.dataset.step === '0', id);
  const msg = await setParam(page, id, bad[0], bad[1]);
  expect(msg).toMatch(bad[2]);
  await stepN(page, id, 1);
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
  return page;
}

describe('chapter 5 widgets', () => {
  it('kl-fit: steps reproduce the Node model; bad target rejected', async () => {
    const page = await basic(CH5, 'kl-fit', ['target', 'U(0, 1)', /positive everywhere/], 'kl_forward');
    await page.locator('[data-widget="kl-fit"] [data-action="reset"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-widget="kl-fit"]')?.dataset.step === '0');
    await stepN(page, 'kl-fit', 3);
    const { createModel: createKlFit, specs: klFitSpecs } = await import('../../src/widgets/kl-fit/model');
    const { defaults } = await import('../../src/lib/params');
    const m = createKlFit(defaults(klFitSpecs));
    for (let i = 0; i < 3; i++) m.step();
    expect(await metric(page, 'kl-fit', 'mu_reverse')).toBeCloseTo(Number(m.metrics().mu_reverse), 10);
    for (const bad of ['0', '-1', '1e9', 'abc']) expect(await setParam(page, 'kl-fit', 'lr', bad)).toMatch(/Step size/);
  });

  it('js-saturation runs on tfjs', async () => {
    const page = await basic(CH5, 'js-saturation', ['lr', '0', /out of range/], 'jsd');
    expect(await metricText(page, 'js-saturation', 'backend')).toMatch(/^(wasm( \(\d+ threads?\))?|webgl|cpu)$/);
  });

  it('mmd: p-value readout; bad points rejected', async () => {
    await basic(CH5, 'mmd', ['points_p', '1, banana', /banana/], 'p_value');
  });
});

describe('chapter 6 widgets', () => {
  it('w1-1d trains a critic on tfjs; exact W1 shown', async () => {
    const page = await basic(CH6, 'w1-1d', ['real', 'N(0, 0)', /sigma/], 'w1_critic');
    expect(await metric(page, 'w1-1d', 'w1_exact')).toBeCloseTo(1.2022, 3);
  });

  it('distances-vs-offset', async () => {
    const page = await basic(CH6, 'distances-vs-offset', ['theta0', 'abc', /not a number/], 'theta_w1');
    expect(await metric(page, 'distances-vs-offset', 'theta_js')).toBe(1.5);
  });

  it('lipschitz: a typed function; unsafe text rejected', async () => {
    const page = await basic(CH6, 'lipschitz', ['expr', 'alert(1)', /unknown name/], 'lip_estimate');
    expect(await metric(page, 'lipschitz', 'lip_estimate')).toBeGreaterThan(1.9);
  });
});
