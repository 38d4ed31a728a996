/**
 * Every page of the built site: loads without console errors or requests to other hosts, math
 * renders without KaTeX errors, internal links and anchors resolve, and axe-core finds no
 * serious or critical accessibility issue.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openPage, sharedBrowser } from './helpers';

const dist = join(import.meta.dirname, '../../dist');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name === 'pagefind' || name === '_astro') continue;
      out.push(...htmlPages(p));
    } else if (name === 'index.html') out.push('/' + relative(dist, dir).replace(/\\/g, '/') + (dir === dist ? '' : '/'));
  }
  return out.map((p) => p.replace(/\/+/g, '/'));
}

const pages = htmlPages(dist);
const browser = await sharedBrowser();

describe('the built site', () => {
  it('has the contents page and every chapter', () => {
    expect(pages).toContain('/');
    expect(pages.filter((p) => p.startsWith('/chapters/')).length).toBeGreaterThanOrEqual(1);
  });

  it('every internal link and anchor resolves', () => {
    const ids = new Map<string, Set<string>>();
    const links: { from: string; href: string }[] = [];
    for (const p of pages) {
      const html = readFileSync(join(dist, p, 'index.html'), 'utf8');
      ids.set(p, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
      for (const m of html.matchAll(/<a\s[^>]*href="([^"]+)"/g)) links.push({ from: p, href: m[1] });
    }
    const broken: string[] = [];
    for (const { from, href } of links) {
      if (/^(https?:|mailto:)/.test(href)) continue;
      const u = new URL(href, 'http://x' + from);
      let path = u.pathname.endsWith('/') ? u.pathname : u.pathname + '/';
      if (/\.[a-z0-9]+\/$/i.test(path)) path = u.pathname; // a file
      const target = ids.get(path);
      if (!target && !/\.[a-z0-9]+$/i.test(u.pathname)) {
        broken.push(`${from} -> ${href} (no page)`);
        continue;
      }
      const hash = decodeURIComponent(u.hash.slice(1));
      if (hash && target && !target.has(hash)) broken.push(`${from} -> ${href} (no anchor)`);
    }
    expect(broken).toEqual([]);
  });

  for (const path of pages) {
    it(`${path} loads cleanly, renders its math, and passes axe`, async () => {
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
