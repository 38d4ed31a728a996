// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { remarkPlugins, rehypePlugins } from './src/plugins/markdown.mjs';

export default defineConfig({
  site: 'http://localhost:4321',
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
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
