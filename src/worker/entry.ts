/**
 * The one worker script behind every widget. The page names the widget in the worker's name
 * (`widget=<id>`, see widget-host/worker-name.ts); this entry loads that widget's worker module
 * (src/widgets/<id>/worker.ts, which calls serve()) on demand. One entry means one worker bundle
 * whose chunks (tfjs above all) every widget on every page shares and the browser caches once,
 * and a widget whose code cannot load says so instead of failing silently.
 */
import type { FromWorker } from '../lib/protocol';

const scope = self as unknown as {
  name: string;
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(m: FromWorker): void;
};
const modules = import.meta.glob('../widgets/*/worker.ts');
const widget = new URLSearchParams(scope.name).get('widget') ?? '';
const load = modules[`../widgets/${widget}/worker.ts`];

// Messages that arrive while the widget's code loads wait here; serve() then takes over onmessage.
const early: MessageEvent[] = [];
scope.onmessage = (e) => early.push(e);

(load ? load() : Promise.reject(new Error(`there is no widget "${widget}"`))).then(
  () => {
    for (const e of early) scope.onmessage?.(e);
    early.length = 0;
  },
  (err: unknown) => {
    scope.onmessage = null;
    const why = (err as Error)?.message ?? String(err);
    scope.postMessage({ type: 'error', stage: 'code', message: `Could not load the training code of ${widget || 'this widget'} (${why})` });
  },
);
