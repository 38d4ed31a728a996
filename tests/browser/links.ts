/** The built site's pages and a check that every internal link and anchor resolves, for any base path. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Site paths ("/", "/chapters/x/") of every page in a build, without the base. */
export function htmlPages(dist: string, dir = dist): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name === 'pagefind' || name === '_astro') continue;
      out.push(...htmlPages(dist, p));
    } else if (name === 'index.html') out.push('/' + relative(dist, dir).replace(/\\/g, '/') + (dir === dist ? '' : '/'));
  }
  return out.map((p) => p.replace(/\/+/g, '/'));
}

/**
 * Links that point to no page or no anchor, as "from -> href (why)". In a build for a sub-path,
 * every root-relative link must carry the base ("/sub/chapters/x/"); one without it is broken.
 */
export function brokenLinks(dist: string, base = '/'): string[] {
  const prefix = base.replace(/\/+$/, '');
  const pages = htmlPages(dist);
  const ids = new Map<string, Set<string>>();
  const links: { from: string; href: string }[] = [];
  for (const p of pages) {
    const html = readFileSync(join(dist, p, 'index.html'), 'utf8');
    ids.set(prefix + p, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
    for (const m of html.matchAll(/<a\s[^>]*href="([^"]+)"/g)) links.push({ from: prefix + p, href: m[1] });
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
    if (!target && prefix && !u.pathname.startsWith(prefix + '/')) {
      broken.push(`${from} -> ${href} (outside the base ${base})`);
      continue;
    }
    const hash = decodeURIComponent(u.hash.slice(1));
    if (hash && target && !target.has(hash)) broken.push(`${from} -> ${href} (no anchor)`);
  }
  return broken;
}
