/**
 * Build-time helpers for the back matter: find the exercises in a chapter's MDX source and
 * render a short piece of chapter markdown (paragraphs, inline and display math, emphasis,
 * citations, equation references) to HTML without running the MDX pipeline.
 */
import katex from 'katex';

export interface ExerciseInfo {
  /** The exercise number as written in the chapter, e.g. "4.1" or "13-1". */
  n: string;
  title?: string;
  /** The anchor id the Exercise component gives it. */
  anchor: string;
  /** The statement (MDX source, without the solution). */
  statement: string;
  hasSolution: boolean;
}

export function exerciseAnchor(n: string): string {
  return `exercise-${n.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["']([^"']*)["']\\s*\\})`).exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Drops fenced code blocks so that an example `<Exercise>` inside code is not collected. */
function withoutCode(body: string): string {
  return body.replace(/^```[\s\S]*?^```/gm, (s) => s.replace(/[^\n]/g, ' '));
}

export function extractExercises(body: string): ExerciseInfo[] {
  const src = withoutCode(body);
  const out: ExerciseInfo[] = [];
  const re = /<Exercise\b([^>]*)>([\s\S]*?)<\/Exercise>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const n = attr(m[1], 'n');
    if (!n) continue;
    const inner = body.slice(m.index + m[0].indexOf('>') + 1, m.index + m[0].length - '</Exercise>'.length);
    const cut = inner.search(/<Fragment\s+slot\s*=\s*["']solution["']/);
    out.push({
      n,
      title: attr(m[1], 'title'),
      anchor: exerciseAnchor(n),
      statement: (cut >= 0 ? inner.slice(0, cut) : inner).trim(),
      hasSolution: cut >= 0,
    });
  }
  return out;
}

/**
 * Equation numbers as remark-equations assigns them: every display math block in order,
 * numbered chapter.n unless it holds \notag or \nonumber. Returns label -> { num, id }.
 */
export function equationLabels(body: string, chapter: number): Map<string, { num: string; id: string }> {
  const labels = new Map<string, { num: string; id: string }>();
  const src = withoutCode(body);
  const re = /\$\$([\s\S]*?)\$\$/g;
  let n = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const tex = m[1];
    if (/\\(notag|nonumber)\b/.test(tex)) continue;
    n += 1;
    const lm = /\\label\{([^}]+)\}/.exec(tex);
    if (lm) {
      const label = lm[1].trim();
      labels.set(label, { num: `${chapter}.${n}`, id: 'eq-' + label.replace(/^eq:/, '').replace(/[^A-Za-z0-9_-]+/g, '-') });
    }
  }
  return labels;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RenderOptions {
  /** Link target of the chapter, for equation references: `${chapterHref}#eq-...`. */
  chapterHref?: string;
  labels?: Map<string, { num: string; id: string }>;
  /** Link target for citation keys: `${refsHref}#ref-key`. */
  refsHref?: string;
}

function tex(src: string, display: boolean): string {
  const clean = src.replace(/\\label\{[^}]*\}/g, '').replace(/\\(notag|nonumber)\b/g, '');
  try {
    return katex.renderToString(clean, { displayMode: display, throwOnError: false, strict: 'ignore', trust: false });
  } catch {
    return `<code>${escapeHtml(src)}</code>`;
  }
}

function inlineText(s: string, opts: RenderOptions): string {
  let h = escapeHtml(s.replace(/<\/?[A-Za-z][^>]*>/g, ''));
  h = h.replace(/\\\$/g, '$');
  h = h.replace(/\[((?:-?@[\w:.#$%&+?~/-]+(?:;\s*)?)+)\]/g, (_all, keys: string) => {
    const list = keys.split(/;\s*/).map((k) => k.replace(/^-?@/, '')).filter(Boolean);
    const refs = opts.refsHref ?? '/references/';
    return '[' + list.map((k) => `<a href="${refs}#ref-${escapeHtml(k)}">${escapeHtml(k)}</a>`).join('; ') + ']';
  });
  h = h.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  h = h.replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  h = h.replace(/(^|[^_\w])_([^_\s][^_]*)_(?!\w)/g, '$1<em>$2</em>');
  h = h.replace(/`([^`]+)`/g, '<code>$1</code>');
  return h;
}

/** Renders a short markdown snippet (no block syntax beyond paragraphs and display math). */
export function renderSnippet(src: string, opts: RenderOptions = {}): string {
  const paras = src.replace(/\r/g, '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const html: string[] = [];
  for (const p of paras) {
    const parts: string[] = [];
    let open = false;
    const flushText = (t: string) => {
      if (!t.trim()) return;
      if (!open) {
        parts.push('<p>');
        open = true;
      }
      // inline math: $...$ not preceded by a backslash
      const re = /(?<!\\)\$([^$]+?)(?<!\\)\$/g;
      let last = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(t))) {
        parts.push(inlineText(t.slice(last, m.index), opts));
        const ref = /^\s*\\(eqref|ref)\{([^}]+)\}\s*$/.exec(m[1]);
        if (ref) {
          const l = opts.labels?.get(ref[2].trim());
          const text = l ? (ref[1] === 'eqref' ? `(${l.num})` : l.num) : '(equation)';
          parts.push(l && opts.chapterHref ? `<a class="eqref" href="${opts.chapterHref}#${l.id}">${text}</a>` : text);
        } else {
          parts.push(tex(m[1], false));
        }
        last = m.index + m[0].length;
      }
      parts.push(inlineText(t.slice(last), opts));
    };
    const re = /\$\$([\s\S]+?)\$\$/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p))) {
      flushText(p.slice(last, m.index));
      if (open) {
        parts.push('</p>');
        open = false;
      }
      parts.push(tex(m[1], true));
      last = m.index + m[0].length;
    }
    flushText(p.slice(last));
    if (open) parts.push('</p>');
    html.push(parts.join(''));
  }
  return html.join('\n');
}
