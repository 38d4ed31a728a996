// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeCitation from 'rehype-citation';
import remarkEquations, { rehypeEquationAnchors } from './src/plugins/remark-equations.mjs';
import rehypeCitationCheck from './src/plugins/rehype-citation-check.mjs';
import rehypeGlossary from './src/plugins/rehype-glossary.mjs';

const root = new URL('.', import.meta.url).pathname;
const bibliography = 'src/data/references.bib';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'ignore',
  markdown: {
    remarkPlugins: [remarkMath, remarkEquations],
    rehypePlugins: [
      rehypeEquationAnchors,
      [rehypeKatex, { strict: 'ignore' }],
      [rehypeCitation, { bibliography, path: root, csl: 'vancouver', linkCitations: true, suppressBibliography: false }],
      rehypeCitationCheck,
      [rehypeGlossary, { glossary: root + 'src/data/glossary.json' }],
    ],
    syntaxHighlight: false,
  },
  integrations: [mdx()],
  vite: {
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
