/** A row of buttons, each applying a set of settings (the model restarts); errors go to the status line. */
import type { Values } from '../lib/params';
import type { WidgetHandle } from './controller';

export interface Preset {
  label: string;
  values: Values;
}

export function presetButtons(h: WidgetHandle, presets: Preset[]): HTMLElement {
  const row = document.createElement('div');
  row.className = 'controls';
  for (const p of presets) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = p.label;
    b.addEventListener('click', () => {
      const errs = h.setParams(p.values);
      if (errs.length) h.setStatus(errs.join(' '), 'error');
    });
    row.append(b);
  }
  return row;
}
