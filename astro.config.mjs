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
  vite: {
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
