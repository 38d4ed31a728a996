/** A row of buttons, each applying a set of settings (the model restarts); errors go to the status line. */
import type { Values } from '../lib/params';
import type { WidgetHandle } from './controller';
import { button, controlsRow } from './extra-controls';

export interface Preset {
  label: string;
  values: Values;
}

export function presetButtons(h: WidgetHandle, presets: Preset[]): HTMLElement {
  return controlsRow(
    ...presets.map((p) => {
      const b = button(p.label);
      b.addEventListener('click', () => {
        const errs = h.setParams(p.values);
        if (errs.length) h.setStatus(errs.join(' '), 'error');
      });
      return b;
    }),
  );
}
