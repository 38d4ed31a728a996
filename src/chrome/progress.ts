// Reading progress, kept in localStorage only: which chapters were read to the end and which
// exercise solutions were opened. Shown as marks in the table of contents, with a button to
// clear it.
export const PROGRESS_KEY = 'dgm-progress';

export interface Progress {
  v: 1;
  /** chapter id -> ISO time it was first read to the end */
  read: Record<string, string>;
  /** "chapterId#n" -> ISO time the solution was first opened */
  opened: Record<string, string>;
}

const empty = (): Progress => ({ v: 1, read: {}, opened: {} });

export function loadProgress(): Progress {
  try {
    const raw = localStorage.getItem(PROGRESS_KEY);
    if (!raw) return empty();
    const p = JSON.parse(raw);
    if (!p || p.v !== 1 || typeof p.read !== 'object' || typeof p.opened !== 'object') return empty();
    return { v: 1, read: { ...p.read }, opened: { ...p.opened } };
  } catch {
    return empty();
  }
}

function save(p: Progress) {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    /* storage blocked or full: progress is simply not remembered */
  }
  document.dispatchEvent(new CustomEvent('dgm-progress-change'));
}

export function markRead(chapter: string) {
  const p = loadProgress();
  if (p.read[chapter]) return;
  p.read[chapter] = new Date().toISOString();
  save(p);
}

export function markOpened(chapter: string, n: string) {
  const p = loadProgress();
  const key = `${chapter}#${n}`;
  if (p.opened[key]) return;
  p.opened[key] = new Date().toISOString();
  save(p);
}

export function clearProgress() {
  try {
    localStorage.removeItem(PROGRESS_KEY);
  } catch {
    /* nothing stored */
  }
  document.dispatchEvent(new CustomEvent('dgm-progress-change'));
}

function render() {
  const p = loadProgress();
  let chapters = 0;
  let read = 0;
  let exTotal = 0;
  let exOpened = 0;
  for (const li of document.querySelectorAll<HTMLElement>('.toc li[data-chapter]')) {
    const id = li.dataset.chapter!;
    const ex = (li.dataset.exercises ?? '').split('|').filter(Boolean);
    const opened = ex.filter((n) => p.opened[`${id}#${n}`]).length;
    const isRead = Boolean(p.read[id]);
    chapters += 1;
    read += isRead ? 1 : 0;
    exTotal += ex.length;
    exOpened += opened;
    li.dataset.read = String(isRead);
    const mark = li.querySelector<HTMLElement>('.toc-progress');
    if (!mark) continue;
    const parts: string[] = [];
    if (isRead) parts.push('read');
    if (opened) parts.push(`${opened} of ${ex.length} solution${ex.length === 1 ? '' : 's'} opened`);
    mark.replaceChildren();
    if (parts.length) {
      const vis = document.createElement('span');
      vis.setAttribute('aria-hidden', 'true');
      vis.textContent = `${isRead ? ' ✓' : ''}${opened ? ` ${opened}/${ex.length}` : ''}`;
      const sr = document.createElement('span');
      sr.className = 'sr-only';
      sr.textContent = ` (${parts.join(', ')})`;
      mark.append(vis, sr);
      mark.title = parts.join(', ');
    } else {
      mark.removeAttribute('title');
    }
  }
  for (const ex of document.querySelectorAll<HTMLElement>('[data-exercise-key]')) {
    ex.dataset.opened = String(Boolean(p.opened[ex.dataset.exerciseKey!]));
  }
  const summary = document.querySelector<HTMLElement>('.progress-summary');
  const clear = document.querySelector<HTMLButtonElement>('.progress-clear');
  const any = read > 0 || Object.keys(p.opened).length > 0;
  if (summary) {
    summary.textContent = any
      ? `Read ${read} of ${chapters} chapters; opened ${exOpened} of ${exTotal} solutions. Kept in this browser only.`
      : 'Reading progress is kept in this browser only.';
  }
  if (clear) clear.disabled = !any;
}

export function initProgress() {
  render();
  document.addEventListener('dgm-progress-change', render);
  window.addEventListener('storage', (e) => {
    if (e.key === PROGRESS_KEY || e.key === null) render();
  });
  document.querySelector<HTMLButtonElement>('.progress-clear')?.addEventListener('click', () => {
    clearProgress();
    const summary = document.querySelector<HTMLElement>('.progress-summary');
    if (summary) summary.textContent = 'Reading progress cleared.';
  });

  const chapter = document.body.dataset.chapter;
  // Exercise solutions opened (the toggle event does not bubble: listen in the capture phase).
  document.addEventListener(
    'toggle',
    (e) => {
      const d = e.target as HTMLElement;
      if (!(d instanceof HTMLDetailsElement) || !d.open || !d.classList.contains('solution')) return;
      const ex = d.closest<HTMLElement>('[data-exercise]');
      if (ex && chapter) markOpened(chapter, ex.dataset.exercise!);
    },
    true,
  );
  // A chapter counts as read once its end has been on screen.
  const article = document.querySelector<HTMLElement>('article.chapter');
  if (chapter && article && 'IntersectionObserver' in window) {
    const end = document.createElement('div');
    end.className = 'chapter-end';
    end.setAttribute('aria-hidden', 'true');
    article.append(end);
    const io = new IntersectionObserver((entries) => {
      if (entries.some((en) => en.isIntersecting)) {
        markRead(chapter);
        io.disconnect();
      }
    });
    io.observe(end);
  }
}
