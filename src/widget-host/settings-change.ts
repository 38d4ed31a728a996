/**
 * What a settings change does: a live setting (learning rate, loss weight, optimiser setting;
 * ParamSpec.live) goes to the running model; any other setting resets it, from the trained
 * checkpoint where one is loaded and still fits (trained.ts). The status line says which.
 */
import { formatValue, isLive, type ParamSpec, type ParamValue, type Values } from '../lib/params';
import type { Trained } from './trained';

interface Link {
  update(values: Values): void;
  reset(): void;
}

export function settingsChange(o: { link: Link; trained: Trained | null; values: () => Values; setStatus: (text: string, kind?: 'info' | 'warn' | 'error') => void }) {
  const { link, trained, setStatus } = o;
  return {
    /** A reader changed one input. */
    fromInput(spec: ParamSpec, value: ParamValue) {
      const shown = formatValue(spec, value);
      const what = shown === '' ? `${spec.label} cleared` : `${spec.label} set to ${shown}`;
      const unfit = trained?.settingsChanged();
      if (isLive(spec)) {
        link.update(o.values());
        setStatus(`${what}; applied to the running model (no reset).`);
      } else {
        link.reset();
        const how = unfit ? ` from scratch. ${unfit}` : trained?.active() ? ' to the trained checkpoint.' : '.';
        setStatus(`${what}; the model was reset${how}`);
      }
    },
    /** Code changed several settings at once (WidgetHandle.setParams, presets). */
    fromCode(changed: ParamSpec[]) {
      const unfit = trained?.settingsChanged();
      if (changed.length > 0 && changed.every(isLive)) link.update(o.values());
      else {
        link.reset();
        if (unfit) setStatus(`The model was reset from scratch. ${unfit}`, 'warn');
      }
    },
  };
}
