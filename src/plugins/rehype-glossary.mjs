// Marks the first occurrence of each glossary term in a chapter with an accessible tooltip:
//   <span class="gloss"><a class="gloss-term" href="/glossary/#id" aria-describedby="gloss-tip-id">term</a>
//     <span class="gloss-tip" role="tooltip" id="gloss-tip-id">term (中文): definition</span></span>
// The link is focusable, so the definition shows on hover and on keyboard focus (CSS) and is
// read by screen readers as the link's description. Headings, math, code, links, citations
// and the reference list are left alone. Terms come from content/glossary.json.
import { readFileSync } from 'node:fs';

const SKIP_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'button', 'label', 'summary', 'sup', 'sub', 'figcaption']);
const SKIP_CLASS = /(^|\s)(katex|katex-display|math|math-inline|math-display|equation|eqref|citation|csl-bib-body|csl-entry|references|gloss|exercise-title|widget-title)(\s|$)/;

/** Loads the glossary and builds one matcher over every English form of every term. */
export function loadGlossary(path) {
  const terms = JSON.parse(readFileSync(path, 'utf8'));
  const forms = [];
  for (const t of terms) {
    for (const f of [t.term, ...(t.also ?? [])]) forms.push({ form: f, id: t.id });
  }
  forms.sort((a, b) => b.form.length - a.form.length);
  const byLower = new Map();
  for (const f of forms) if (!byLower.has(f.form.toLowerCase())) byLower.set(f.form.toLowerCase(), f);
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-‐–]/g, '[-‐–]').replace(/ /g, '\\s+');
  const re = new RegExp(`(?<![\\p{L}\\p{N}_-])(${forms.map((f) => esc(f.form)).join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');
  return { terms: new Map(terms.map((t) => [t.id, t])), re, byLower };
}

/** A form written with capitals after its first letter (GAN, ELBO, KL divergence) must match case exactly. */
function caseOk(matched, form) {
  if (/[A-Z]/.test(form.slice(1))) return matched.replace(/\s+/g, ' ').replace(/[‐–]/g, '-') === form.replace(/[‐–]/g, '-');
  return true;
}

function classOf(node) {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.join(' ') : typeof c === 'string' ? c : '';
}

function skipped(node) {
  if (node.type === 'element') {
    if (SKIP_TAGS.has(node.tagName)) return true;
    if (SKIP_CLASS.test(classOf(node))) return true;
    if (node.properties?.id === 'refs') return true;
  }
  // MDX components (exercises, callouts, a widget's "what to try" list) hold prose: annotate them.
  return false;
}

function tip(term, base) {
  const tipId = `gloss-tip-${term.id}`;
  const tipChildren = [
    { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: term.term }] },
    { type: 'text', value: ' (' },
    { type: 'element', tagName: 'span', properties: { lang: 'zh' }, children: [{ type: 'text', value: term.zh }] },
    { type: 'text', value: '): ' + term.def },
  ];
  return (text) => ({
    type: 'element',
    tagName: 'span',
    properties: { className: ['gloss'] },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { className: ['gloss-term'], href: `${base}/glossary/#${term.id}`, ariaDescribedBy: tipId, dataGloss: term.id },
        children: [{ type: 'text', value: text }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['gloss-tip'], role: 'tooltip', id: tipId, dataPagefindIgnore: 'all' },
        children: tipChildren,
      },
    ],
  });
}

/** @param {{ glossary: string, base?: string, include?: RegExp }} options */
export default function rehypeGlossary(options) {
  const g = loadGlossary(options.glossary);
  const base = options.base ?? '';
  const include = options.include ?? /content[\\/]chapters[\\/]/;
  return (tree, file) => {
    const path = file.path || file.history?.[0] || '';
    if (!include.test(path)) return;
    const used = new Set();

    function splitText(value) {
      const out = [];
      let last = 0;
      g.re.lastIndex = 0;
      let m;
      while ((m = g.re.exec(value))) {
        const f = g.byLower.get(m[1].toLowerCase().replace(/\s+/g, ' ').replace(/[‐–]/g, '-')) ?? g.byLower.get(m[1].toLowerCase());
        if (!f || used.has(f.id) || !caseOk(m[1], f.form)) continue;
        if (f.form.toLowerCase() === 'prior' && /^\s+to\b/.test(value.slice(m.index + m[1].length))) continue;
        used.add(f.id);
        if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
        out.push(tip(g.terms.get(f.id), base)(m[1]));
        last = m.index + m[1].length;
      }
      if (out.length === 0) return null;
      if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
      return out;
    }

    function walk(node) {
      if (!node.children) return;
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i];
        if (child.type === 'text') {
          const parts = splitText(child.value);
          if (parts) {
            node.children.splice(i, 1, ...parts);
            i += parts.length - 1;
          }
        } else if (!skipped(child)) {
          walk(child);
        }
      }
    }
    walk(tree);
  };
}
