/**
 * Starting a widget's training worker. Every widget runs the same entry (src/worker/entry.ts);
 * the Worker's `name` says which widget it is and carries a page's ?backend= choice. Kept apart
 * from the worker code so that page scripts importing it do not pull tfjs into the page bundle.
 */
import { choiceKey, parseChoice } from '../lib/backend-choice';

export function widgetWorker(widgetId: string): Worker {
  const w = new Worker(new URL('../worker/entry.ts', import.meta.url), { type: 'module', name: workerName(widgetId) });
  // A backend the worker chose by timing (readers with a GPU) is kept for this browser.
  w.addEventListener('message', (e: MessageEvent) => {
    if (e.data?.type === 'ready' && e.data.choice) {
      try {
        localStorage.setItem(choiceKey(widgetId), JSON.stringify(e.data.choice));
      } catch {
        // storage off or full: the worker times again next visit
      }
    }
  });
  return w;
}

export function workerName(widgetId: string): string {
  const q = new URLSearchParams(window.location.search);
  const b = q.get('backend');
  const n = new URLSearchParams({ widget: widgetId });
  if (b) n.set('backend', b);
  else {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(choiceKey(widgetId));
    } catch {
      stored = null;
    }
    const c = parseChoice(stored, ['wasm', 'webgl', 'webgpu', 'cpu']);
    if (c) n.set('chosen', c.backend);
  }
  return n.toString();
}
