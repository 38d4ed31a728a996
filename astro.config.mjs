// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { remarkPlugins, rehypePlugins } from './src/plugins/markdown.mjs';
import { siteConfig } from './src/plugins/site.mjs';

// SITE_URL or BASE_PATH choose where the site is served (see src/plugins/site.mjs and the README).
const { site, base } = siteConfig();

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  markdown: {
    remarkPlugins,
    // @ts-ignore plugin tuples from a plain JS module
    rehypePlugins,
    syntaxHighlight: false,
  },
  integrations: [mdx()],
  server: {
    // Cross-origin isolation lets the tfjs WASM backend use threads (SharedArrayBuffer).
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  },
  vite: {
    worker: { format: 'es' },
    // tfjs-converter requires node-fetch without a browser mapping; Vite's dependency optimiser
    // would then pick node-fetch's Node build (lib/index.mjs), which fails in the page.
    resolve: { alias: { 'node-fetch': fileURLToPath(new URL('./src/shims/node-fetch.js', import.meta.url)) } },
    // Pre-bundle tfjs (and its WebGPU backend, imported lazily) up front: discovered late (inside a
    // worker), Vite re-optimises and reloads the page mid-session; excluded, the WASM backend's
    // CommonJS worker file is served raw and its ES import fails ("does not provide an export
    // named 'wasmWorkerContents'").
    optimizeDeps: { include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu', '@observablehq/plot'] },
  },
});
