import { compile } from '@mdx-js/mdx';
import type { PluggableList } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkPlugins, rehypePlugins } from '../../src/plugins/markdown.mjs';

async function render(src: string, path = '/x/04-gan.mdx'): Promise<string> {
  const out = await compile({ value: src, path }, { remarkPlugins, rehypePlugins: rehypePlugins as PluggableList, development: false });
  return String(out);
}

describe('chapter markdown pipeline', () => {
  it('numbers display equations per chapter and links \\eqref', async () => {
    const js = await render(['$$', 'a = b', '\\label{eq:first}', '$$', '', '$$', 'c = d', '$$', '', 'See $\\eqref{eq:first}$.'].join('\n'));
    expect(js).toContain('tag{4.1}');
    expect(js).toContain('tag{4.2}');
    expect(js).toContain('"#eq-first"');
    expect(js).toContain('"(4.1)"');
    expect(js).toContain('id: "eq-first"');
  });

  it('leaves \\notag equations unnumbered', async () => {
    const js = await render(['$$', 'a = b \\notag', '$$', '', '$$', 'c', '$$'].join('\n'));
    expect(js).toContain('tag{4.1}');
    expect(js).not.toContain('tag{4.2}');
  });

  it('keeps braces and < inside math away from MDX', async () => {
    const js = await render('Let $a < b$ and $\\frac{1}{2}$ and $\\{x\\}$; it costs \\$5.');
    expect(js).not.toContain('katex-error');
    expect(js).toContain('frac');
    expect(js).toContain('$5');
  });

  it('fails on TeX that does not parse', async () => {
    await expect(render('Broken $\\frac{1}{$ here.')).rejects.toThrow(/TeX error/);
    await expect(render(['$$', '\\begin{aligned} a', '$$'].join('\n'))).rejects.toThrow(/TeX error/);
  });

  it('fails on an unknown or duplicate label', async () => {
    await expect(render('See $\\eqref{eq:nowhere}$.')).rejects.toThrow(/Unknown equation label "eq:nowhere"/);
    await expect(render(['$$', 'a \\label{eq:x}', '$$', '', '$$', 'b \\label{eq:x}', '$$'].join('\n'))).rejects.toThrow(/Duplicate/);
  });

  it('numbers citations from the bibliography and fails on an unknown key', async () => {
    const js = await render('GANs [@goodfellow2014gan] and VAEs [@kingma2014vae].');
    expect(js).toContain('bib-goodfellow2014gan');
    expect(js).toContain('Generative Adversarial Nets');
    expect(js).toMatch(/"\["/);
    await expect(render('Nothing [@nosuchpaper2099].')).rejects.toThrow(/Unknown citation key/);
  });
});
