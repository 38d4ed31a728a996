/**
 * Starting a widget's training worker. Every widget runs the same entry (src/worker/entry.ts);
 * the Worker's `name` says which widget it is and carries a page's ?backend= choice. Kept apart
 * from the worker code so that page scripts importing it do not pull tfjs into the page bundle.
 */
export function widgetWorker(widgetId: string): Worker {
  return new Worker(new URL('../worker/entry.ts', import.meta.url), { type: 'module', name: workerName(widgetId) });
}

export function workerName(widgetId: string): string {
  const q = new URLSearchParams(window.location.search);
  const b = q.get('backend');
  const n = new URLSearchParams({ widget: widgetId });
  if (b) n.set('backend', b);
  return n.toString();
}
