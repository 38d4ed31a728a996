/** Buttons and sliders a widget adds beside its charts, and the row that holds them. */
import { el } from './dom';
import type { WidgetHandle } from './widget-types';

/** A plain button; `action` becomes `data-action` (tests and keyboard users find it by that). */
export function button(text: string, action?: string, title?: string): HTMLButtonElement {
  const b = el('button', { type: 'button' }, text);
  if (action) b.dataset.action = action;
  if (title) b.title = title;
  return b;
}

/** A row of widget controls (`class="controls"`). */
export function controlsRow(...items: HTMLElement[]): HTMLDivElement {
  const row = el('div', { class: 'controls' });
  row.append(...items);
  return row;
}

/**
 * A button that sends `command` (with `payload`) to the model and says in the status line what
 * happened: `done(result)` on success, the model's message as an error otherwise.
 */
export function commandButton<R = unknown>(
  h: WidgetHandle,
  text: string,
  command: string,
  opts: { payload?: unknown; action?: string; done: (result: R) => string },
): HTMLButtonElement {
  const b = button(text, opts.action);
  b.addEventListener('click', async () => {
    try {
      const r = (await h.command(command, opts.payload)) as R;
      h.setStatus(opts.done(r));
    } catch (err) {
      h.setStatus((err as Error).message, 'error');
    }
  });
  return b;
}

/** A labelled range slider with its value shown beside it (the output follows while dragging). */
export function slider(text: string, opts: { min: string; max: string; step?: string; value: string; ariaLabel: string }): { label: HTMLLabelElement; input: HTMLInputElement; output: HTMLOutputElement } {
  const label = el('label', {}, text);
  const input = el('input', { type: 'range', min: opts.min, max: opts.max, ...(opts.step ? { step: opts.step } : {}), 'aria-label': opts.ariaLabel });
  input.value = opts.value;
  const output = el('output', {}, opts.value);
  input.addEventListener('input', () => (output.textContent = input.value));
  label.append(input, output);
  return { label, input, output };
}
