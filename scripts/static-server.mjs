// A small static file server for the built site (tests, benchmarks, screenshots). Loopback only.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.gz': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/**
 * Serves `dir` on 127.0.0.1; resolves to { url, close, requests } (url includes the base).
 * Options imitate other hosts: `base` serves the site under a sub-path ("/sub/"), `coi: false`
 * drops the COOP/COEP headers (no WASM threads, as on GitHub Pages), `gzipEncoding: true` sends
 * `.gz` files with Content-Encoding: gzip (as Apache's AddEncoding or nginx's gzip_static do).
 */
export function serveDir(dir, port = 0, { base = '/', coi = true, gzipEncoding = false } = {}) {
  const requests = [];
  const prefix = base.replace(/\/+$/, '');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (prefix && url.pathname !== prefix && !url.pathname.startsWith(prefix + '/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not under ${base}`);
      return;
    }
    let path = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length) || '/')));
    if (!path.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      const notFound = join(dir, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(gzipEncoding && extname(path) === '.gz' ? { 'content-encoding': 'gzip' } : {}),
      // Cross-origin isolation lets the tfjs WASM backend use threads (SharedArrayBuffer).
      ...(coi ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {}),
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ url: `http://127.0.0.1:${p}${prefix}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 4321);
  const s = await serveDir(join(process.cwd(), dir), port);
  console.log(`Serving ${dir} at ${s.url}/`);
}
