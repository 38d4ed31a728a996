/**
 * The Worker `name` a widget passes so that a page's ?backend= reaches its worker. Kept apart
 * from tf-worker.ts so that page scripts importing it do not pull tfjs into the page bundle.
 */
export function workerName(widgetId: string): string {
  const q = new URLSearchParams(window.location.search);
  const b = q.get('backend');
  const n = new URLSearchParams({ widget: widgetId });
  if (b) n.set('backend', b);
  return n.toString();
}
