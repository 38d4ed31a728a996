/**
 * Every page of the built site: loads without console errors or requests to other hosts, math
 * renders without KaTeX errors, internal links and anchors resolve, and axe-core finds no
 * serious or critical accessibility issue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openPage, sharedBrowser } from './helpers';
import { brokenLinks, htmlPages } from './links';

const dist = join(import.meta.dirname, '../../dist');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const pages = htmlPages(dist);
const browser = await sharedBrowser();

describe('the built site', () => {
  it('has the contents page and every chapter', () => {
    expect(pages).toContain('/');
    expect(pages.filter((p) => p.startsWith('/chapters/')).length).toBeGreaterThanOrEqual(1);
  });

  it('every internal link and anchor resolves', () => {
    expect(brokenLinks(dist)).toEqual([]);
  });

  // Three pages at a time (vitest.config.ts maxConcurrency): each page is independent.
  for (const path of pages) {
    it.concurrent(`${path} loads cleanly, renders its math, and passes axe`, async () => {
      const { page, errors, outside } = await openPage(browser, path);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.katex-error').count()).toBe(0);
      // KaTeX CSS is in charge: the MathML copy is visually hidden, so math does not show twice.
      const doubled = await page.evaluate(() => {
        const mml = document.querySelector('.katex-mathml');
        if (!mml) return false;
        const r = mml.getBoundingClientRect();
        return r.width > 2 && r.height > 2;
      });
      expect(doubled).toBe(false);
      // Radicals and big delimiters are SVGs: a CSS reset must not collapse them.
      const collapsed = await page.evaluate(() =>
        [...document.querySelectorAll('.katex svg')].filter((s) => s.getBoundingClientRect().height === 0).length,
      );
      expect(collapsed).toBe(0);
      // Numbered equations fit the column at desktop width: the number never sits on the math,
      // and the display does not scroll sideways.
      const cramped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.equation .katex-display')]
          .filter((d) => {
            const tag = d.querySelector('.tag');
            const right = Math.max(...[...d.querySelectorAll('.katex-html > .base')].map((b) => b.getBoundingClientRect().right));
            return d.scrollWidth > d.clientWidth + 1 || (tag !== null && tag.getBoundingClientRect().left < right - 0.5);
          })
          .map((d) => d.closest('.equation')!.id),
      );
      expect(cramped).toEqual([]);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        // @ts-expect-error injected
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations
          .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      // Scroll through the page so lazy widgets start too, then check again.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
      });
      await page.waitForTimeout(500);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    });
  }
});
