// Where the built site will be served, from one switch read by astro.config.mjs and the chapter
// pipeline alike:
//   SITE_URL=https://example.org/dgm/ npm run build   origin and sub-path (canonical URLs, links)
//   BASE_PATH=/dgm/ npm run build                      sub-path only (origin stays localhost)
// Neither set: the site lives at the root of http://localhost:4321/.

/** Normalises a sub-path to "/" or "/a/b/" (leading and trailing slash, no doubles). */
export function normaliseBase(path) {
  const parts = String(path ?? '/').split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** @param {Record<string, string | undefined>} env */
export function siteConfig(env = process.env) {
  let url;
  try {
    url = new URL(env.SITE_URL || 'http://localhost:4321/');
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.org/dgm/ (got "${env.SITE_URL}")`);
  }
  const base = normaliseBase(env.BASE_PATH || url.pathname);
  return { site: url.origin + base, base };
}
