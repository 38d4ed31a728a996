/** Sorting and neighbours of chapters; pure so that it can be tested. */
export interface ChapterMeta {
  id: string;
  number: number;
  title: string;
}

export function sortChapters<T extends ChapterMeta>(chapters: T[]): T[] {
  const seen = new Map<number, string>();
  for (const c of chapters) {
    const other = seen.get(c.number);
    if (other) throw new Error(`Chapters "${other}" and "${c.id}" share number ${c.number}`);
    seen.set(c.number, c.id);
  }
  return [...chapters].sort((a, b) => a.number - b.number);
}

export function neighbours<T extends ChapterMeta>(sorted: T[], id: string): { prev?: T; next?: T } {
  const i = sorted.findIndex((c) => c.id === id);
  if (i < 0) return {};
  return { prev: sorted[i - 1], next: sorted[i + 1] };
}

export function chapterSlug(id: string): string {
  return id.replace(/\.mdx?$/, '');
}
