/**
 * The reader's toolkit on the built site: search, exercises, glossary tooltips, progress,
 * lecture mode and export. Run after `npm run build` (which also builds the Pagefind index).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { baseUrl, openPage, waitReady, stepN, widget, sharedBrowser } from './helpers';

const CH1 = '/chapters/01-generative-models/';
const browser = await sharedBrowser();

describe('search (Pagefind)', () => {
  it('the search page finds "optimal discriminator" in the book, from the site itself', async () => {
    const { page, errors, outside } = await openPage(browser, '/search/?q=optimal%20discriminator');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-page]')?.dataset.state === 'done', null, { timeout: 30_000 });
    const hits = page.locator('[data-search-page] .search-hit');
    expect(await hits.count()).toBeGreaterThan(0);
    // Some result's excerpt marks the phrase; some result is a chapter (the phrase is in chapter
    // 1's exercise and, after the GAN chapter lands, in chapter 4's derivation).
    const excerpts = (await page.locator('[data-search-page] .search-hit p').allTextContents()).join(' ').toLowerCase();
    expect(excerpts).toContain('optimal discriminator');
    const hrefs = await page.locator('[data-search-page] .search-hit a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    expect(hrefs.some((h) => h.includes('/chapters/'))).toBe(true);
    // The index is served by the site: requests went to /pagefind/ on our origin, none elsewhere.
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('math is kept out of the index', async () => {
    const { page } = await openPage(browser, '/search/');
    // Ask Pagefind directly for the indexed text of chapter 1: prose yes, TeX source and KaTeX's
    // MathML/HTML rendering no.
    // (A string, so that vitest does not rewrite the dynamic import.)
    const content: string = await page.evaluate(`(async () => {
      const pf = await import(location.origin + '/pagefind/pagefind.js');
      await pf.init();
      const r = await pf.search('discriminator');
      const all = await Promise.all(r.results.map((x) => x.data()));
      return all.find((d) => d.url.includes('/chapters/01-generative-models/'))?.content ?? '';
    })()`);
    expect(content).toContain('Bayes');
    for (const tex of ['\\frac', 'tfrac', 'mathrm', 'p_{', '\\mid', 'text{data}']) expect(content, tex).not.toContain(tex);
    // The tooltips' definitions are not indexed as chapter text either.
    expect(content).not.toContain('生成模型');
    await page.close();
  });

  it('the top-bar search box shows results as you type and reaches them by keyboard', async () => {
    const { page, errors } = await openPage(browser, '/');
    const input = page.locator('#site-search-input');
    await input.focus();
    await input.pressSequentially('discriminator', { delay: 10 });
    const first = page.locator('#site-search-results .search-hit a').first();
    await first.waitFor({ state: 'visible', timeout: 30_000 });
    await input.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('#site-search-results') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#site-search-results').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('exercises', () => {
  it('a solution opens by keyboard and the opening is remembered, then cleared', async () => {
    const { page, errors } = await openPage(browser, CH1);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const ex = page.locator('[data-exercise="1.1"]');
    const summary = ex.locator('details.solution > summary');
    const body = ex.locator('.solution-body');
    expect(await body.isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => body.isVisible()).toBe(true);
    expect(await ex.locator('details.solution').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // Space toggles it closed again (native details/summary)
    await page.keyboard.press('Space');
    await expect.poll(() => body.isVisible()).toBe(false);

    // Progress: the opened solution and the chapter (its end is on screen: short chapter, or scroll)
    await page.locator('.chapter-end').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('dgm-progress') ?? '{}')))
      .toMatchObject({ v: 1, read: { '01-generative-models': expect.any(String) }, opened: { '01-generative-models#1.1': expect.any(String) } });
    // Shown in the table of contents on another page
    await page.goto(`${baseUrl()}/exercises/`);
    const li = page.locator('.toc li[data-chapter="01-generative-models"]');
    await expect.poll(() => li.getAttribute('data-read')).toBe('true');
    expect(await li.locator('.toc-progress').textContent()).toMatch(/read.*1 of \d+ solution/);
    expect(await page.locator('[data-exercise-key="01-generative-models#1.1"]').getAttribute('data-opened')).toBe('true');
    // Cleared with the button
    const clear = page.locator('.progress-clear');
    expect(await clear.isDisabled()).toBe(false);
    await clear.click();
    await expect.poll(() => li.getAttribute('data-read')).toBe('false');
    expect(await page.evaluate(() => localStorage.getItem('dgm-progress'))).toBeNull();
    expect(await page.locator('.progress-summary').textContent()).toContain('cleared');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the exercises page lists chapter 1 exercise with its statement and a link to it', async () => {
    const { page } = await openPage(browser, '/exercises/');
    const item = page.locator('[data-exercise-key="01-generative-models#1.1"]');
    expect(await item.count()).toBe(1);
    expect(await item.locator('h3 a').getAttribute('href')).toMatch(/\/chapters\/01-generative-models\/#exercise-1-1$/);
    expect(await item.textContent()).toContain('Maximum likelihood for one Gaussian');
    expect(await item.locator('.katex').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('glossary', () => {
  it('a term shows its definition (with the Chinese term) on keyboard focus and hides on Escape', async () => {
    const { page, errors } = await openPage(browser, CH1);
    const term = page.locator('.gloss-term').first();
    expect(await term.count()).toBe(1);
    const tipId = await term.getAttribute('aria-describedby');
    expect(tipId).toBeTruthy();
    const tip = page.locator(`[id="${tipId}"]`);
    expect(await tip.getAttribute('role')).toBe('tooltip');
    expect(await tip.isVisible()).toBe(false);
    await term.focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.locator('[lang="zh"]').textContent()).toMatch(/\p{Script=Han}/u);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    // Each term is marked once per chapter; never inside headings, math or links.
    const ids = await page.locator('.gloss-term').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.gloss));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await page.locator('h1 .gloss, h2 .gloss, h3 .gloss, .katex .gloss, a .gloss').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the glossary page lists at least 40 terms with Chinese', async () => {
    const { page } = await openPage(browser, '/glossary/');
    const n = await page.locator('.glossary-list dt').count();
    expect(n).toBeGreaterThanOrEqual(40);
    expect(await page.locator('.glossary-list dt#discriminator .zh').textContent()).toContain('判别网络');
    expect(await page.locator('.glossary-list dt#mode-collapse .zh').textContent()).toContain('模型坍塌');
    await page.close();
  });
});

describe('back matter', () => {
  it('the references page lists every entry of references.bib', async () => {
    const bib = readFileSync(new URL('../../content/references.bib', import.meta.url), 'utf8');
    const keys = [...bib.matchAll(/^\s*@\w+\s*\{\s*([^,\s]+)\s*,/gm)].map((m) => m[1]);
    const { page } = await openPage(browser, '/references/');
    const listed = await page.locator('.bib-list li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
    expect(new Set(listed)).toEqual(new Set(keys));
    expect(await page.locator('#ref-goodfellow2014gan').textContent()).toContain('Generative Adversarial Nets');
    await page.close();
  });

  it('the notation page typesets its symbols', async () => {
    const { page } = await openPage(browser, '/notation/');
    expect(await page.locator('table.notation .katex').count()).toBeGreaterThan(30);
    expect(await page.textContent('main')).toContain('evidence lower bound');
    await page.close();
  });
});

describe('lecture mode and export (density-1d)', () => {
  it('?density-1d.controls=off hides the controls; keys still drive the widget', async () => {
    const { page, errors } = await openPage(browser, `${CH1}?density-1d.controls=off`);
    await waitReady(page, 'density-1d');
    const w = widget(page, 'density-1d');
    expect(await w.getAttribute('data-controls')).toBe('off');
    expect(await w.locator('[role="toolbar"]').isVisible()).toBe(false);
    expect(await w.locator('.live-ui > .params').isVisible()).toBe(false);
    expect(await w.locator('[data-action="play"]').isVisible()).toBe(false);
    // No warning about an unknown setting from the view key
    expect(await w.locator('.status').textContent()).not.toContain('Ignored');
    // Keyboard only: Tab reaches the figure, S steps it
    expect(await w.getAttribute('tabindex')).toBe('0');
    await w.focus();
    await page.keyboard.press('s');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-widget="density-1d"]')?.dataset.step) >= 1);
    // F: full screen (or the full-window fallback) with large type; F again leaves it
    await page.keyboard.press('f');
    await expect.poll(() => w.getAttribute('data-fullscreen')).toBe('true');
    expect(await w.evaluate((el) => el.classList.contains('lecture'))).toBe(true);
    await page.keyboard.press('f');
    await expect.poll(() => w.getAttribute('data-fullscreen')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();

    // Without the URL key the controls are there
    const plain = await openPage(browser, CH1);
    await waitReady(plain.page, 'density-1d');
    expect(await widget(plain.page, 'density-1d').locator('[data-action="play"]').isVisible()).toBe(true);
    await plain.page.close();
  });

  it('exports a chart as valid SVG and PNG, and the metric history as CSV', async () => {
    const { page, errors } = await openPage(browser, CH1);
    await waitReady(page, 'density-1d');
    await stepN(page, 'density-1d', 3);
    const w = widget(page, 'density-1d');
    await w.locator('.export-menu > summary').click();
    const svgBtn = w.locator('[data-export="svg-1"]');
    await svgBtn.waitFor();

    const [svgDl] = await Promise.all([page.waitForEvent('download'), svgBtn.click()]);
    expect(svgDl.suggestedFilename()).toMatch(/^density-1d-chart(-1)?\.svg$/);
    const svgText = readFileSync((await svgDl.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml[^>]*>\s*<svg[\s>]/);
    expect(svgText).not.toContain('var(--');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, paths: doc.querySelectorAll('path').length };
    }, svgText);
    expect(parsed).toMatchObject({ error: 0, root: 'svg', ns: 'http://www.w3.org/2000/svg' });
    expect(parsed.paths).toBeGreaterThan(0);

    if (!(await w.locator('.export-menu').evaluate((d) => (d as HTMLDetailsElement).open))) await w.locator('.export-menu > summary').click();
    const [pngDl] = await Promise.all([page.waitForEvent('download'), w.locator('[data-export="png-1"]').click()]);
    const png = readFileSync((await pngDl.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(1000);

    if (!(await w.locator('.export-menu').evaluate((d) => (d as HTMLDetailsElement).open))) await w.locator('.export-menu > summary').click();
    const [csvDl] = await Promise.all([page.waitForEvent('download'), w.locator('[data-export="csv"]').click()]);
    expect(csvDl.suggestedFilename()).toBe('density-1d-metrics.csv');
    const lines = readFileSync((await csvDl.path())!, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('step');
    expect(header).toContain('loglik');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(r.length).toBe(header.length);
    const steps = rows.map((r) => Number(r[0]));
    expect(steps[steps.length - 1]).toBe(3);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    const ll = rows.map((r) => Number(r[header.indexOf('loglik')]));
    expect(ll.every(Number.isFinite)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
