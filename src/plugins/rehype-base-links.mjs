// Prefixes the site's base path to root-relative links in chapter HTML ("/chapters/x/" becomes
// "/dgm/chapters/x/" in a build for /dgm/), so that prose can link to other pages by their
// plain path. Links that already carry the base, and anchors or absolute URLs, are left alone.
import { visit } from 'unist-util-visit';

/** @param {{ base?: string }} options */
export default function rehypeBaseLinks(options = {}) {
  const base = (options.base ?? '/').replace(/\/$/, '');
  return (tree) => {
    if (!base) return;
    visit(tree, 'element', (node) => {
      for (const attr of ['href', 'src']) {
        const v = node.properties?.[attr];
        if (typeof v !== 'string' || !v.startsWith('/') || v.startsWith('//')) continue;
        if (v === base || v.startsWith(base + '/')) continue;
        node.properties[attr] = base + v;
      }
    });
  };
}
