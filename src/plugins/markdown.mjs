// The markdown pipeline of every chapter, shared by astro.config.mjs and the tests.
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeCitation from 'rehype-citation';
import remarkEquations, { rehypeEquationAnchors } from './remark-equations.mjs';
import rehypeCitationCheck from './rehype-citation-check.mjs';
import rehypeGlossary from './rehype-glossary.mjs';
import rehypeBaseLinks from './rehype-base-links.mjs';
import { siteConfig } from './site.mjs';

const root = new URL('../../', import.meta.url).pathname;

export const remarkPlugins = [remarkMath, remarkEquations];
export const rehypePlugins = [
  rehypeEquationAnchors,
  [rehypeKatex, { strict: 'ignore' }],
  [rehypeCitation, { bibliography: 'content/references.bib', path: root, csl: 'vancouver', linkCitations: true }],
  rehypeCitationCheck,
  [rehypeGlossary, { glossary: root + 'content/glossary.json' }],
  // Last: every root-relative link (prose, glossary) gets the base path of a sub-path build.
  [rehypeBaseLinks, { base: siteConfig().base }],
];
