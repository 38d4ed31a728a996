// Full-text search over the book with Pagefind's JS API. The index is built after `astro build`
// (`pagefind --site dist`, configured by pagefind.yml) and served by the site itself under
// /pagefind/; nothing is loaded from another host. Math, figures and widget controls are
// excluded from the index (see pagefind.yml).

export interface SearchHit {
  url: string;
  title: string;
  /** Pagefind's excerpt: plain text with <mark> around matched words. */
  excerpt: string;
}

interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(q: string, opts?: unknown, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindData> }[] }>;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { url: string; title: string; excerpt: string }[];
}

let loading: Promise<PagefindApi> | null = null;

function base(): string {
  return (document.body.dataset.base ?? '').replace(/\/$/, '');
}

export function loadPagefind(): Promise<PagefindApi> {
  if (!loading) {
    const url = `${base()}/pagefind/pagefind.js`;
    loading = (import(/* @vite-ignore */ url) as Promise<PagefindApi>).then(async (pf) => {
      // Result URLs carry the site's base path (a build for /dgm/ links to /dgm/chapters/...).
      await pf.options({ excerptLength: 24, baseUrl: `${base()}/` });
      await pf.init();
      return pf;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Returns up to `limit` hits, or null when a newer query superseded this one. */
export async function search(q: string, limit = 8, debounce = true): Promise<SearchHit[] | null> {
  const pf = await loadPagefind();
  const r = debounce ? await pf.debouncedSearch(q, {}, 150) : await pf.search(q);
  if (!r) return null;
  const data = await Promise.all(r.results.slice(0, limit).map((x) => x.data()));
  return data.map((d) => {
    // Prefer the section (sub-result) that holds the match: its URL has the heading anchor.
    const sub = d.sub_results?.find((s) => s.excerpt.includes('<mark>'));
    return {
      url: sub && sub.url ? sub.url : d.url,
      title: sub && sub.title && sub.title !== d.meta.title ? `${d.meta.title ?? d.url} › ${sub.title}` : (d.meta.title ?? d.url),
      excerpt: sub ? sub.excerpt : d.excerpt,
    };
  });
}

/** Keeps only <mark> tags from Pagefind's excerpt; everything else is text. */
function safeExcerpt(html: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const parts = html.split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const p of parts) {
    if (p === '<mark>') inMark = true;
    else if (p === '</mark>') inMark = false;
    else if (p) {
      const text = document.createTextNode(p.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
      if (inMark) {
        const m = document.createElement('mark');
        m.append(text);
        frag.append(m);
      } else frag.append(text);
    }
  }
  return frag;
}

export function renderHits(list: HTMLElement, hits: SearchHit[]) {
  list.replaceChildren(
    ...hits.map((h) => {
      const li = document.createElement('li');
      li.className = 'search-hit';
      const a = document.createElement('a');
      a.href = h.url;
      a.textContent = h.title;
      const p = document.createElement('p');
      p.append(safeExcerpt(h.excerpt));
      li.append(a, p);
      return li;
    }),
  );
}

const UNAVAILABLE = 'Search is not available: the index is made by `npm run build` (Pagefind).';

/** The search box in the top bar: results drop down under it as the reader types. */
export function initSearchBox() {
  const form = document.querySelector<HTMLFormElement>('form.site-search');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const drop = form?.querySelector<HTMLElement>('.search-dropdown');
  if (!form || !input || !drop) return;
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'search-hits';
  drop.append(status, list);
  let seq = 0;

  // The results region drops down under the field (arrow keys move into it); the status line
  // announces the count.
  const close = () => {
    drop.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const open = () => {
    drop.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  input.addEventListener('input', async () => {
    const q = input.value.trim();
    const my = ++seq;
    if (q.length < 2) {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    open();
    try {
      const hits = await search(q, 6);
      if (hits === null || my !== seq) return;
      renderHits(list, hits);
      status.textContent = hits.length ? `${hits.length === 6 ? 'Top 6' : hits.length} result${hits.length === 1 ? '' : 's'} for “${q}” (Enter for all)` : `No results for “${q}”.`;
    } catch {
      status.textContent = UNAVAILABLE;
    }
  });
  form.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape') {
      close();
      input.focus();
    } else if (e.key === 'ArrowDown' && links.length) {
      e.preventDefault();
      links[Math.min(links.length - 1, i + 1)].focus();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      if (i === 0) input.focus();
      else links[i - 1].focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });
}

/** The /search/ page: a full list of results for ?q=. */
export function initSearchPage(root: HTMLElement) {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLElement>('.search-hits')!;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  let seq = 0;
  const run = async (debounce: boolean) => {
    const q = input.value.trim();
    const my = ++seq;
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!q) {
      list.replaceChildren();
      status.textContent = 'Type a word or phrase, e.g. “optimal discriminator”.';
      root.dataset.state = 'idle';
      return;
    }
    status.textContent = 'Searching…';
    root.dataset.state = 'searching';
    try {
      const hits = await search(q, 30, debounce);
      if (hits === null || my !== seq) return;
      renderHits(list, hits);
      status.textContent = hits.length ? `${hits.length} result${hits.length === 1 ? '' : 's'} for “${q}”.` : `No results for “${q}”.`;
      root.dataset.state = 'done';
    } catch {
      status.textContent = UNAVAILABLE;
      root.dataset.state = 'error';
    }
  };
  input.addEventListener('input', () => void run(true));
  root.querySelector('form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(false);
  });
  void run(false);
}
