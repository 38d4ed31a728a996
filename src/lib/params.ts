/**
 * Hyperparameter tables: what a widget accepts, how a typed or URL value is validated, and how
 * state is written back to the URL as `<widget-id>.<param>=value`. Bad values are rejected with a
 * message, never clamped silently.
 */
export type ParamValue = number | string | boolean;
export type Values = Record<string, ParamValue>;

interface BaseSpec {
  name: string;
  label: string;
  help?: string;
  /**
   * The setting applies to the running model (a learning rate, a loss weight, an optimiser
   * setting): the page sends it with an 'update' message and the model's `update(values)` takes
   * it without a reset. Settings that change shapes or data leave this unset and reset the model.
   */
  live?: boolean;
}
export interface NumberSpec extends BaseSpec {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** Exclude the minimum itself (e.g. a learning rate must be > 0). */
  minExclusive?: boolean;
  integer?: boolean;
  step?: number;
}
export interface EnumSpec extends BaseSpec {
  kind: 'enum';
  default: string;
  options: { value: string; label: string }[];
}
export interface TextSpec extends BaseSpec {
  kind: 'text';
  default: string;
  maxLength?: number;
  /** Returns an error message or null. */
  validate?: (s: string) => string | null;
  wide?: boolean;
}
export interface BoolSpec extends BaseSpec {
  kind: 'bool';
  default: boolean;
}
export type ParamSpec = NumberSpec | EnumSpec | TextSpec | BoolSpec;

export type Parsed = { ok: true; value: ParamValue } | { ok: false; error: string };

export const SEED_SPEC: NumberSpec = {
  name: 'seed',
  label: 'Seed',
  kind: 'number',
  default: 1,
  min: 0,
  max: 2 ** 31 - 1,
  integer: true,
  help: 'Same seed and settings give the same run.',
};

/*
 * Builders: one readable line per setting. They return the same plain objects a literal would
 * (no key is added that the call does not give), so URL state and tests see no difference.
 */
/** What any setting may add: it applies live (BaseSpec.live), a help line. */
export interface SpecExtra {
  live?: boolean;
  help?: string;
}
type Bounds = Pick<NumberSpec, 'min' | 'max'> & Partial<Pick<NumberSpec, 'minExclusive' | 'integer' | 'step'>> & SpecExtra;

/** A number in [min, max] (`minExclusive`: greater than min). */
export function num(name: string, label: string, value: number, bounds: Bounds): NumberSpec {
  return { name, label, kind: 'number', default: value, ...bounds };
}

/** A whole number in [min, max]. */
export function int(name: string, label: string, value: number, bounds: Omit<Bounds, 'integer'>): NumberSpec {
  return num(name, label, value, { ...bounds, integer: true });
}

/** A step size or learning rate: greater than 0 and at most `max`. */
export function rate(name: string, label: string, value: number, max: number, extra: SpecExtra = {}): NumberSpec {
  return num(name, label, value, { min: 0, minExclusive: true, max, ...extra });
}

/** One of several values: `{ value: label, ... }` in order, or the option list itself. */
export function choice(name: string, label: string, value: string, options: Record<string, string> | EnumSpec['options'], extra: SpecExtra = {}): EnumSpec {
  const list = Array.isArray(options) ? options : Object.entries(options).map(([v, l]) => ({ value: v, label: l }));
  return { name, label, kind: 'enum', default: value, options: list, ...extra };
}

/** Free text, checked by `validate` (see TextSpec). */
export function text(name: string, label: string, value: string, opts: Omit<TextSpec, 'name' | 'label' | 'kind' | 'default'> = {}): TextSpec {
  return { name, label, kind: 'text', default: value, ...opts };
}

/** On or off. */
export function flag(name: string, label: string, value: boolean, extra: SpecExtra = {}): BoolSpec {
  return { name, label, kind: 'bool', default: value, ...extra };
}

/** The settings most widgets share, under one name each: `lr`, `batch`, `hidden` (and `seed`, SEED_SPEC). */
export function lrSpec(value: number, max: number, extra: SpecExtra & { label?: string } = {}): NumberSpec {
  const { label = 'Learning rate', ...rest } = extra;
  return rate('lr', label, value, max, rest);
}
export function batchSpec(value: number, bounds: Omit<Bounds, 'integer'> & { label?: string }): NumberSpec {
  const { label = 'Batch size', ...rest } = bounds;
  return int('batch', label, value, rest);
}
export function hiddenSpec(value: number, bounds: Omit<Bounds, 'integer'> & { label?: string }): NumberSpec {
  const { label = 'Hidden units', ...rest } = bounds;
  return int('hidden', label, value, rest);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(+n.toPrecision(6));
}

export function rangeText(spec: NumberSpec): string {
  const lo = spec.minExclusive ? `greater than ${fmt(spec.min)}` : `at least ${fmt(spec.min)}`;
  return `${spec.integer ? 'a whole number' : 'a number'} ${lo} and at most ${fmt(spec.max)}`;
}

export function parseValue(spec: ParamSpec, raw: string): Parsed {
  const s = raw.trim();
  switch (spec.kind) {
    case 'number': {
      if (s === '') return { ok: false, error: `${spec.label} is empty: enter ${rangeText(spec)}.` };
      // Number('') is 0 and Number('0x10') is 16: accept plain decimal / scientific notation only.
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
        return { ok: false, error: `${spec.label}: "${raw}" is not a number; enter ${rangeText(spec)}.` };
      }
      const v = Number(s);
      if (!Number.isFinite(v)) return { ok: false, error: `${spec.label}: "${raw}" is too large; enter ${rangeText(spec)}.` };
      if (spec.integer && !Number.isInteger(v)) {
        return { ok: false, error: `${spec.label} must be a whole number (got ${raw}).` };
      }
      const tooLow = spec.minExclusive ? v <= spec.min : v < spec.min;
      if (tooLow || v > spec.max) {
        return { ok: false, error: `${spec.label} = ${raw} is out of range: enter ${rangeText(spec)}.` };
      }
      return { ok: true, value: v };
    }
    case 'enum': {
      const hit = spec.options.find((o) => o.value === s);
      if (!hit) {
        return {
          ok: false,
          error: `${spec.label}: "${raw}" is not one of ${spec.options.map((o) => o.value).join(', ')}.`,
        };
      }
      return { ok: true, value: hit.value };
    }
    case 'bool': {
      if (['1', 'true', 'on', 'yes'].includes(s.toLowerCase())) return { ok: true, value: true };
      if (['0', 'false', 'off', 'no'].includes(s.toLowerCase())) return { ok: true, value: false };
      return { ok: false, error: `${spec.label}: "${raw}" is not on/off.` };
    }
    case 'text': {
      const max = spec.maxLength ?? 4000;
      if (s.length > max) return { ok: false, error: `${spec.label} is too long (${s.length} characters, at most ${max}).` };
      const err = spec.validate?.(s) ?? null;
      if (err) return { ok: false, error: `${spec.label}: ${err}` };
      return { ok: true, value: s };
    }
  }
}

/** A text field's validator from a parser: the message the parser throws, or null when it parses. */
export function parseErrorOf(parse: (s: string) => unknown): (s: string) => string | null {
  return (s) => {
    try {
      parse(s);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };
}

/** Whether changing this setting keeps the running model (see BaseSpec.live). */
export function isLive(spec: ParamSpec): boolean {
  return spec.live === true;
}

export function defaults(specs: ParamSpec[]): Values {
  const out: Values = {};
  for (const s of specs) out[s.name] = s.default;
  return out;
}

export interface Rejected {
  name: string;
  raw: string;
  error: string;
}

/** Reads `<id>.<name>` query parameters; unknown names under the widget's prefix are reported. */
export function readParams(
  widgetId: string,
  search: string | URLSearchParams,
  specs: ParamSpec[],
): { values: Values; rejected: Rejected[] } {
  const q = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values = defaults(specs);
  const rejected: Rejected[] = [];
  const prefix = `${widgetId}.`;
  for (const [key, raw] of q) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      rejected.push({ name, raw, error: `unknown setting "${name}"` });
      continue;
    }
    const p = parseValue(spec, raw);
    if (p.ok) values[name] = p.value;
    else rejected.push({ name, raw, error: p.error });
  }
  return { values, rejected };
}

export function formatValue(spec: ParamSpec, v: ParamValue): string {
  if (spec.kind === 'bool') return v ? 'on' : 'off';
  if (spec.kind === 'number') return fmt(v as number);
  return String(v);
}

/**
 * Writes the values that differ from their defaults into `search` under the widget's prefix,
 * removing any stale keys of that widget. Other widgets' keys are kept.
 */
export function writeParams(
  widgetId: string,
  values: Values,
  specs: ParamSpec[],
  search: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const prefix = `${widgetId}.`;
  for (const key of [...search.keys()]) if (key.startsWith(prefix)) search.delete(key);
  for (const spec of specs) {
    const v = values[spec.name];
    if (v === undefined || v === spec.default) continue;
    search.set(prefix + spec.name, formatValue(spec, v));
  }
  return search;
}
