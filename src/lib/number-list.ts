/**
 * Lists of numbers typed into a setting ("1.2, -0.5 3; 4"): separators are commas, spaces or
 * semicolons; each entry is a plain decimal number (no hex, no NaN or Infinity).
 */
export const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const tokens = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

/** The numbers of a list (empty text: no numbers). Validate first with numberListError. */
export function parseNumberList(s: string): number[] {
  return tokens(s).map(Number);
}

/**
 * What is wrong with a typed list, or null: an entry that is not a number, fewer than `min`
 * entries (`fewHint` says what to do), more than `max`, or a value beyond ±`bound`.
 * Empty text is accepted (it means "no list": the widget samples instead).
 */
export function numberListError(s: string, opts: { max: number; bound: number; min?: number; fewHint?: string }): string | null {
  if (s.trim() === '') return null;
  const toks = tokens(s);
  const expected = 'type numbers separated by commas or spaces, e.g. "-1.5, 0, 2"';
  const bad = toks.find((t) => !NUMBER.test(t));
  if (bad !== undefined) return `"${bad}" is not a number: ${expected}.`;
  if (opts.min !== undefined && toks.length < opts.min) {
    return `you typed ${toks.length} ${toks.length === 1 ? 'number' : 'numbers'}; type at least ${opts.min}${opts.fewHint ? ` (${opts.fewHint})` : ''}.`;
  }
  if (toks.length > opts.max) return `you typed ${toks.length} numbers; type at most ${opts.max}.`;
  const far = toks.find((t) => Math.abs(Number(t)) > opts.bound);
  if (far !== undefined) return `"${far}" is outside the range: every number must lie between −${opts.bound} and ${opts.bound}.`;
  return null;
}
