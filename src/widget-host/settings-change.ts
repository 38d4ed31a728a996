/**
 * What a settings change does: the new values go to the URL (url-state.ts); a live setting
 * (learning rate, loss weight, optimiser setting; ParamSpec.live) goes to the running model; any
 * other setting resets it, from the trained checkpoint where one is loaded and still fits
 * (trained.ts). The status line says which. Changes come from an input or from code (setParams).
 */
import { formatValue, isLive, parseValue, type ParamSpec, type ParamValue, type Values } from '../lib/params';
import type { Trained } from './trained';
import { updateUrl } from './url-state';

interface Link {
  update(values: Values): void;
  reset(): void;
}

/** Parses a partial setting of values (strings, numbers or booleans) against the specs. */
export function parsePartial(specs: ParamSpec[], values: Values, partial: Values): { next: Values; errors: string[] } {
  const errors: string[] = [];
  const next = { ...values };
  for (const [k, v] of Object.entries(partial)) {
    const spec = specs.find((s) => s.name === k);
    if (!spec) {
      errors.push(`unknown setting ${k}`);
      continue;
    }
    const p = parseValue(spec, typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v));
    if (p.ok) next[k] = p.value;
    else errors.push(p.error);
  }
  return { next, errors };
}

export function settingsChange(o: {
  id: string;
  specs: ParamSpec[];
  values: () => Values;
  /** Keeps new values (the controller holds them). */
  setValues: (values: Values) => void;
  /** Shows the current values in the inputs. */
  sync: () => void;
  link: Link;
  trained: Trained | null;
  setStatus: (text: string, kind?: 'info' | 'warn' | 'error') => void;
}) {
  const { id, specs, link, trained, setStatus } = o;

  /** Code changed several settings at once (WidgetHandle.setParams, presets). */
  function fromCode(changed: ParamSpec[]) {
    const unfit = trained?.settingsChanged();
    if (changed.length > 0 && changed.every(isLive)) link.update(o.values());
    else {
      link.reset();
      if (unfit) setStatus(`The model was reset from scratch. ${unfit}`, 'warn');
    }
  }

  return {
    /** A reader changed one input to a valid new value. */
    fromInput(spec: ParamSpec, value: ParamValue) {
      o.setValues({ ...o.values(), [spec.name]: value });
      updateUrl(id, o.values(), specs);
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
    /** WidgetHandle.setParams: validates and applies new values; returns error messages, if any. */
    setParams(partial: Values): string[] {
      const values = o.values();
      const { next, errors } = parsePartial(specs, values, partial);
      if (errors.length === 0) {
        const changed = specs.filter((s) => next[s.name] !== values[s.name]);
        o.setValues(next);
        o.sync();
        updateUrl(id, next, specs);
        fromCode(changed);
      }
      return errors;
    },
  };
}
