// node scripts/screenshot.mjs <path> <out.png> [width] [height] [--dark] [--click=selector] [--wait=ms]
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';
import { join } from 'node:path';

const [path = '/', out = '/tmp/shot.png', w = '1280', h = '900'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = Object.fromEntries(process.argv.filter((a) => a.startsWith('--')).map((a) => { const s = a.slice(2); const i = s.indexOf('='); return i < 0 ? [s, true] : [s.slice(0, i), s.slice(i + 1)]; }));
const server = await serveDir(join(process.cwd(), 'dist'));
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, colorScheme: flags.dark ? 'dark' : 'light' });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(server.url + path, { waitUntil: 'networkidle' });
if (flags.scroll) await page.locator(flags.scroll).scrollIntoViewIfNeeded();
for (const sel of [].concat(flags.click ?? [])) if (sel !== true) await page.click(sel);
await page.waitForTimeout(Number(flags.wait ?? 500));
await page.screenshot({ path: out, fullPage: Boolean(flags.full) });
await browser.close();
await server.close();
console.log(`wrote ${out}`);
