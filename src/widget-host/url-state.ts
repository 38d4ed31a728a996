/**
 * A widget's URL state: its settings as `?<id>.<param>=value`, and the view settings read from the
 * URL and kept there:
 *   <id>.controls=off   hide the buttons and inputs (lecture mode; keys still work)
 *   <id>.lecture=on     large type for projection, without going full screen
 *   <id>.from=trained   start from the widget's trained checkpoint (where it has one)
 */
import { writeParams, type ParamSpec, type Values } from '../lib/params';

export const VIEW_KEYS = ['controls', 'lecture', 'from'] as const;

export function readView(id: string, search: string) {
  const q = new URLSearchParams(search);
  const get = (k: string) => q.get(`${id}.${k}`)?.toLowerCase();
  const off = (v: string | undefined) => v === 'off' || v === 'hide' || v === 'hidden' || v === 'false' || v === '0' || v === 'no';
  const on = (v: string | undefined) => v === 'on' || v === 'true' || v === '1' || v === 'yes';
  const rest = new URLSearchParams();
  for (const [k, v] of q) if (!VIEW_KEYS.some((vk) => k === `${id}.${vk}`)) rest.append(k, v);
  return { controlsOff: off(get('controls')), lecture: on(get('lecture')), fromTrained: get('from') === 'trained', rest };
}

/** writeParams drops every key of this widget; put the view settings back. */
function keepView(id: string, q: URLSearchParams, from: URLSearchParams) {
  for (const k of VIEW_KEYS) {
    const v = from.get(`${id}.${k}`);
    if (v !== null) q.set(`${id}.${k}`, v);
  }
  return q;
}

/** Writes the widget's settings into the page URL (replacing its history entry). */
export function updateUrl(id: string, values: Values, specs: ParamSpec[]) {
  const url = new URL(window.location.href);
  const before = new URLSearchParams(url.searchParams);
  const q = keepView(id, writeParams(id, values, specs, url.searchParams), before);
  url.search = q.toString();
  history.replaceState(history.state, '', url);
}

/** A link to this widget with these settings (and the view settings of the page URL). */
export function linkTo(id: string, values: Values, specs: ParamSpec[]): string {
  const url = new URL(window.location.href);
  url.search = keepView(id, writeParams(id, values, specs, new URLSearchParams()), new URLSearchParams(window.location.search)).toString();
  url.hash = id;
  return url.toString();
}
