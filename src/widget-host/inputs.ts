/**
 * Settings inputs: one input per setting, validated on change (an inline message says what is
 * wrong, and the model keeps its value); an accepted value goes to onChange (settings-change.ts,
 * which also writes it to the URL: url-state.ts).
 */
import { formatValue, isLive, parseValue, type ParamSpec, type ParamValue, type Values } from '../lib/params';
import { el } from './dom';

/** A message as a sentence: it ends with a full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** What the model keeps after a rejected value: the value, or "an empty list" for empty text. */
export function keeps(spec: ParamSpec, v: ParamValue): string {
  const shown = formatValue(spec, v);
  return shown === '' ? 'The model keeps the setting as it was (empty).' : `The model keeps ${shown}.`;
}

export interface Inputs {
  box: HTMLElement;
  /** Shows the current values and clears the messages. */
  sync(): void;
}

/**
 * One input per visible setting. `onChange(name, value)` is called with a valid value that
 * differs from the current one.
 */
export function createInputs(opts: {
  id: string;
  specs: ParamSpec[];
  visible?: string[];
  values: () => Values;
  onChange: (spec: ParamSpec, value: ParamValue) => void;
  /** Told when a typed value is rejected (the status line's older news is then stale). */
  onInvalid?: () => void;
}): Inputs {
  const { id, specs } = opts;
  const box = el('div', { class: 'params' });
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errorEls = new Map<string, HTMLElement>();
  const visible = opts.visible ? new Set([...opts.visible, 'seed']) : null;
  // Where some settings apply to the running model and others rebuild it, each input says which.
  const mixed = specs.some(isLive);
  for (const spec of specs) {
    if (visible && !visible.has(spec.name)) continue;
    const fid = `${id}-${spec.name}`;
    const wrap = el('div', { class: spec.kind === 'text' && spec.wide ? 'param wide' : 'param' });
    const label = el('label', { for: fid }, spec.label);
    let input: HTMLInputElement | HTMLSelectElement;
    if (spec.kind === 'enum') {
      input = el('select', { id: fid, name: spec.name });
      for (const o of spec.options) input.append(el('option', { value: o.value }, o.label));
    } else if (spec.kind === 'bool') {
      input = el('input', { id: fid, name: spec.name, type: 'checkbox' });
    } else {
      input = el('input', {
        id: fid,
        name: spec.name,
        type: 'text',
        inputmode: spec.kind === 'number' ? 'decimal' : 'text',
        autocomplete: 'off',
        spellcheck: 'false',
      });
    }
    const err = el('div', { class: 'param-error', id: `${fid}-error`, 'aria-live': 'polite' });
    input.setAttribute('aria-describedby', `${fid}-error`);
    if (spec.help) input.setAttribute('title', spec.help);
    wrap.append(label, input, err);
    if (mixed) {
      const live = isLive(spec);
      const note = el('div', { class: `param-note${live ? ' live' : ''}`, id: `${fid}-note` }, live ? 'applies while training' : 'resets the model');
      input.setAttribute('aria-describedby', `${fid}-note ${fid}-error`);
      wrap.insertBefore(note, err);
    }
    box.append(wrap);
    inputs.set(spec.name, input);
    errorEls.set(spec.name, err);

    const commit = () => {
      const raw = input instanceof HTMLInputElement && input.type === 'checkbox' ? (input.checked ? 'on' : 'off') : input.value;
      const p = parseValue(spec, raw);
      if (!p.ok) {
        input.setAttribute('aria-invalid', 'true');
        err.textContent = `${sentence(p.error)} ${keeps(spec, opts.values()[spec.name])}`;
        opts.onInvalid?.();
        return;
      }
      input.removeAttribute('aria-invalid');
      err.textContent = '';
      if (p.value === opts.values()[spec.name]) return;
      opts.onChange(spec, p.value);
    };
    input.addEventListener('change', commit);
    if (input instanceof HTMLInputElement && input.type === 'text') {
      input.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') commit();
      });
    }
  }

  function sync() {
    const values = opts.values();
    for (const [name, input] of inputs) {
      const spec = specs.find((s) => s.name === name)!;
      const v = values[name];
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(v);
      else input.value = formatValue(spec, v);
      input.removeAttribute('aria-invalid');
      errorEls.get(name)!.textContent = '';
    }
  }
  return { box, sync };
}

// URL state (url-state.ts) and partial settings (settings-change.ts), also importable from here.
export { VIEW_KEYS, readView, updateUrl, linkTo } from './url-state';
export { parsePartial } from './settings-change';
