/** A widget's status line: one message at a time, plain news, a warning or an error. */
import { el } from './dom';

export type StatusKind = 'info' | 'warn' | 'error';

export function createStatusLine() {
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  return {
    el: status,
    set(text: string, kind: StatusKind = 'info') {
      status.textContent = text;
      status.className = `status${kind === 'info' ? '' : ' ' + kind}`;
    },
    text: () => status.textContent ?? '',
    /** Whether a warning is on show. */
    warning: () => status.classList.contains('warn'),
    /** Whether a warning or an error is on show. */
    alert: () => status.classList.contains('warn') || status.classList.contains('error'),
  };
}
