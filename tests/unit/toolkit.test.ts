/** The reader's toolkit, pure parts: exercise extraction, snippet rendering, glossary marking, CSV. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractExercises, equationLabels, renderSnippet, exerciseAnchor } from '../../src/lib/book/snippets';
import rehypeGlossary from '../../src/plugins/rehype-glossary.mjs';
import { MetricHistory } from '../../src/widget-host/metric-history';

const GLOSSARY = new URL('../../content/glossary.json', import.meta.url).pathname;

describe('exercises', () => {
  const body = `
Intro $$a = b \\label{eq:one}$$

$$c \\notag$$

$$d = e
\\label{eq:two}$$

<Exercise n="4.1" title="The optimal classifier">
Show $\\eqref{eq:two}$ with $x < y$ and **care** [@goodfellow2014gan].

<Fragment slot="solution">Secret.</Fragment>
</Exercise>

\`\`\`mdx
<Exercise n="9.9">not real</Exercise>
\`\`\`

<Exercise n="13-1">No solution here.</Exercise>
`;
  it('finds each exercise with its number, title, statement and whether it has a solution', () => {
    const ex = extractExercises(body);
    expect(ex.map((e) => e.n)).toEqual(['4.1', '13-1']);
    expect(ex[0]).toMatchObject({ title: 'The optimal classifier', anchor: 'exercise-4-1', hasSolution: true });
    expect(ex[0].statement).not.toContain('Secret');
    expect(ex[1]).toMatchObject({ hasSolution: false, anchor: exerciseAnchor('13-1') });
  });
  it('numbers equations as remark-equations does and renders references, math and citations', () => {
    const labels = equationLabels(body, 4);
    expect(labels.get('eq:one')).toEqual({ num: '4.1', id: 'eq-one' });
    expect(labels.get('eq:two')).toEqual({ num: '4.2', id: 'eq-two' });
    const html = renderSnippet(extractExercises(body)[0].statement, { chapterHref: '/chapters/x/', labels, refsHref: '/references/' });
    expect(html).toContain('<a class="eqref" href="/chapters/x/#eq-two">(4.2)</a>');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<strong>care</strong>');
    expect(html).toContain('href="/references/#ref-goodfellow2014gan"');
  });
});

function text(value: string) {
  return { type: 'text', value };
}
function el(tagName: string, children: unknown[], properties: Record<string, unknown> = {}) {
  return { type: 'element', tagName, properties, children };
}
function run(tree: unknown, path = '/x/content/chapters/04-gan.mdx') {
  rehypeGlossary({ glossary: GLOSSARY })(tree, { path });
  return tree;
}
function marked(tree: any): string[] {
  const out: string[] = [];
  const walk = (n: any) => {
    if (n.type === 'element' && n.properties?.className?.includes?.('gloss-term')) out.push(n.properties.dataGloss);
    n.children?.forEach(walk);
  };
  walk(tree);
  return out;
}

describe('glossary', () => {
  const glossary = JSON.parse(readFileSync(GLOSSARY, 'utf8'));
  it('has at least 40 terms, each with Chinese and a definition, unique ids', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(40);
    expect(new Set(glossary.map((t: any) => t.id)).size).toBe(glossary.length);
    for (const t of glossary) {
      expect(t.zh, t.id).toMatch(/\p{Script=Han}|[A-Z]/u);
      expect(t.def.length, t.id).toBeGreaterThan(20);
    }
  });
  it('marks the first occurrence per chapter, prefers the longer term, skips headings, math, code and links', () => {
    const tree = {
      type: 'root',
      children: [
        el('h2', [text('The discriminator')]),
        el('p', [text('The optimal discriminator beats any discriminator; mode collapse and GANs.')]),
        el('p', [el('span', [text('discriminator')], { className: ['katex'] }), el('code', [text('mode collapse')]), el('a', [text('encoder')])]),
        el('p', [text('A discriminator and an encoder, prior to training.')]),
      ],
    };
    run(tree);
    expect(marked(tree)).toEqual(['optimal-discriminator', 'discriminator', 'mode-collapse', 'gan', 'encoder']);
    const h2 = (tree.children[0] as any).children;
    expect(h2).toEqual([text('The discriminator')]);
    // "prior to" is not the prior distribution
    expect(JSON.stringify(tree.children[3])).not.toContain('gloss-tip-prior');
    // the tooltip is wired for assistive technology
    const gloss = (tree.children[1] as any).children[1];
    expect(gloss.children[0].properties.ariaDescribedBy).toBe('gloss-tip-optimal-discriminator');
    expect(gloss.children[1].properties).toMatchObject({ role: 'tooltip', id: 'gloss-tip-optimal-discriminator' });
  });
  it('matches acronyms only in capitals and leaves non-chapter files alone', () => {
    const t1 = { type: 'root', children: [el('p', [text('a gan is not a GAN')])] };
    run(t1);
    expect(marked(t1)).toEqual(['gan']);
    expect((t1.children[0] as any).children[0]).toEqual(text('a gan is not a '));
    const t2 = { type: 'root', children: [el('p', [text('discriminator')])] };
    run(t2, '/x/src/pages/other.md');
    expect(marked(t2)).toEqual([]);
  });
});

describe('metric history CSV', () => {
  it('records one row per step, restarts on reset, quotes text and keeps columns aligned', () => {
    const h = new MetricHistory();
    h.record(0, { loss: 1 });
    h.record(1, { loss: 0.5, note: 'a,b' });
    h.record(1, { loss: 0.4, note: 'a,b' });
    h.record(2, { loss: NaN });
    expect(h.rows.map((r) => r.step)).toEqual([0, 1, 2]);
    expect(h.toCsv()).toBe('step,loss,note\n0,1,\n1,0.4,"a,b"\n2,NaN,\n');
    h.record(0, { loss: 2 });
    expect(h.rows).toEqual([{ step: 0, loss: 2 }]);
  });
  it('thins old rows instead of growing without bound', () => {
    const h = new MetricHistory(100);
    for (let i = 0; i < 1000; i++) h.record(i, { x: i });
    expect(h.rows.length).toBeLessThanOrEqual(100);
    expect(h.rows[0].step).toBe(0);
    expect(h.rows[h.rows.length - 1].step).toBe(999);
  });
});
