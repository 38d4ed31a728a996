// Numbers display equations per chapter, resolves \label / \eqref, and validates every
// piece of TeX with KaTeX so that math which fails to parse fails the build.
import katex from 'katex';
import { visit } from 'unist-util-visit';

const LABEL_RE = /\\label\{([^}]+)\}/;
const REF_RE = /^\s*\\(eqref|ref)\{([^}]+)\}\s*$/;

export function slugLabel(label) {
  return 'eq-' + label.replace(/^eq:/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
}

/**
 * rehype-katex replaces the <pre> that holds display math, dropping its attributes. Run this
 * before it: a numbered equation's <pre id> is wrapped in <div class="equation" id>, which stays.
 */
export function rehypeEquationAnchors() {
  return (tree) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !node.properties?.id || !parent || index === undefined) return;
      const id = node.properties.id;
      delete node.properties.id;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['equation'], id },
        children: [node],
      };
    });
  };
}

function check(tex, displayMode, file, node) {
  try {
    katex.renderToString(tex, { displayMode, throwOnError: true, strict: 'ignore', trust: false });
  } catch (err) {
    const where = node.position ? `${file.path}:${node.position.start.line}` : file.path;
    throw new Error(`TeX error in ${where}: ${err.message}\n  in: ${tex}`);
  }
}

function setMathText(node, tex) {
  const walk = (children) => {
    for (const c of children || []) {
      if (c.type === 'text') c.value = tex;
      else walk(c.children);
    }
  };
  if (node.data?.hChildren) walk(node.data.hChildren);
}

/** @param {{ chapterFromPath?: (path: string) => string | undefined }} [options] */
export default function remarkEquations(options = {}) {
  return (tree, file) => {
    const path = file.path || file.history?.[0] || '';
    const m = /(\d+)-[^/]*\.mdx?$/.exec(path);
    const prefix = options.chapterFromPath?.(path) ?? (m ? String(Number(m[1])) : '');
    const labels = new Map();
    let n = 0;
    // First pass: number display math, collect labels.
    visit(tree, 'math', (node) => {
      let tex = node.value;
      const lm = LABEL_RE.exec(tex);
      tex = tex.replace(LABEL_RE, '');
      const untagged = /\\(notag|nonumber)\b/.test(tex);
      tex = tex.replace(/\\(notag|nonumber)\b/g, '');
      let id;
      if (!untagged) {
        n += 1;
        const num = prefix ? `${prefix}.${n}` : String(n);
        tex = `${tex}\n\\tag{${num}}`;
        if (lm) {
          const label = lm[1].trim();
          if (labels.has(label)) throw new Error(`Duplicate equation label "${label}" in ${path}`);
          id = slugLabel(label);
          labels.set(label, { num, id });
        }
      } else if (lm) {
        throw new Error(`Equation label "${lm[1]}" on an unnumbered equation in ${path}`);
      }
      node.value = tex;
      // mdast-util-math stores the text for rehype in data.hChildren at parse time: update it too.
      setMathText(node, tex);
      check(tex, true, file, node);
      node.data = node.data || {};
      node.data.hProperties = { ...(node.data.hProperties || {}), ...(id ? { id } : {}) };
    });
    // Second pass: inline math that is only \eqref{...} becomes a link; other inline math validated.
    visit(tree, 'inlineMath', (node, index, parent) => {
      const rm = REF_RE.exec(node.value);
      if (rm) {
        const label = rm[2].trim();
        const target = labels.get(label);
        if (!target) {
          throw new Error(`Unknown equation label "${label}" referenced in ${path}`);
        }
        const text = rm[1] === 'eqref' ? `(${target.num})` : target.num;
        parent.children[index] = {
          type: 'link',
          url: `#${target.id}`,
          data: { hProperties: { className: ['eqref'] } },
          children: [{ type: 'text', value: text }],
        };
        return;
      }
      if (/\\(eqref|ref|label)\{/.test(node.value)) {
        throw new Error(`\\eqref/\\ref/\\label must stand alone in inline math ($\\eqref{label}$) in ${path}: ${node.value}`);
      }
      check(node.value, false, file, node);
    });
  };
}
