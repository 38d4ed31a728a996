import { describe, expect, it } from 'vitest';
import { parseValue, readParams, writeParams, type ParamSpec, SEED_SPEC } from '../../src/lib/params';
import * as P from '../../src/lib/params';
import { mixtureError, mixtureSpec } from '../../src/lib/density/mixture';

const lr: ParamSpec = { name: 'lr', label: 'Learning rate', kind: 'number', default: 0.01, min: 0, minExclusive: true, max: 10 };
const k: ParamSpec = { name: 'k', label: 'K', kind: 'number', default: 1, min: 1, max: 20, integer: true };
const opt: ParamSpec = {
  name: 'opt',
  label: 'Optimiser',
  kind: 'enum',
  default: 'adam',
  options: [
    { value: 'adam', label: 'Adam' },
    { value: 'sgd', label: 'SGD' },
  ],
};
const flag: ParamSpec = { name: 'gp', label: 'Penalty', kind: 'bool', default: false };
const specs = [lr, k, opt, flag, SEED_SPEC];

describe('parseValue', () => {
  it.each([
    ['0', /out of range/],
    ['-1', /out of range/],
    ['1e9', /out of range/],
    ['abc', /not a number/],
    ['', /empty/],
    ['  ', /empty/],
    ['0x10', /not a number/],
    ['Infinity', /not a number/],
    ['1e400', /too large/],
  ])('rejects learning rate %j with a message', (raw, msg) => {
    const p = parseValue(lr, raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatch(msg);
  });

  it('accepts plain and scientific numbers', () => {
    expect(parseValue(lr, '0.001')).toEqual({ ok: true, value: 0.001 });
    expect(parseValue(lr, '2e-4')).toEqual({ ok: true, value: 0.0002 });
    expect(parseValue(lr, ' 10 ')).toEqual({ ok: true, value: 10 });
  });

  it('integers must be whole', () => {
    expect(parseValue(k, '2.5').ok).toBe(false);
    expect(parseValue(k, '3')).toEqual({ ok: true, value: 3 });
  });

  it('enums and booleans', () => {
    expect(parseValue(opt, 'sgd')).toEqual({ ok: true, value: 'sgd' });
    expect(parseValue(opt, 'lbfgs').ok).toBe(false);
    expect(parseValue(flag, 'on')).toEqual({ ok: true, value: true });
    expect(parseValue(flag, '0')).toEqual({ ok: true, value: false });
    expect(parseValue(flag, 'maybe').ok).toBe(false);
  });
});

describe('URL state', () => {
  it('reads prefixed values, keeps defaults and reports rejects', () => {
    const { values, rejected } = readParams('gan', '?gan.lr=0.5&gan.k=abc&gan.zzz=1&other.lr=3&gan.seed=9', specs);
    expect(values.lr).toBe(0.5);
    expect(values.k).toBe(1);
    expect(values.seed).toBe(9);
    expect(values.opt).toBe('adam');
    expect(rejected.map((r) => r.name).sort()).toEqual(['k', 'zzz']);
  });

  it('writes only non-defaults, keeps other widgets, and round-trips', () => {
    const q = new URLSearchParams('other.x=1&gan.lr=9');
    writeParams('gan', { lr: 0.01, k: 5, opt: 'sgd', gp: true, seed: 1 }, specs, q);
    expect(q.get('other.x')).toBe('1');
    expect(q.get('gan.lr')).toBeNull();
    expect(q.get('gan.k')).toBe('5');
    expect(q.get('gan.gp')).toBe('on');
    const back = readParams('gan', q, specs);
    expect(back.rejected).toEqual([]);
    expect(back.values).toEqual({ lr: 0.01, k: 5, opt: 'sgd', gp: true, seed: 1 });
  });
});

describe('spec builders', () => {
  it('build the same plain objects as the literals above, adding no key the call does not give', () => {
    expect(P.rate('lr', 'Learning rate', 0.01, 10)).toStrictEqual(lr);
    expect(P.lrSpec(0.01, 10)).toStrictEqual(lr);
    expect(P.int('k', 'K', 1, { min: 1, max: 20 })).toStrictEqual(k);
    expect(P.choice('opt', 'Optimiser', 'adam', { adam: 'Adam', sgd: 'SGD' })).toStrictEqual(opt);
    expect(P.choice('opt', 'Optimiser', 'adam', (opt as P.EnumSpec).options)).toStrictEqual(opt);
    expect(P.flag('gp', 'Penalty', false)).toStrictEqual(flag);
    expect(P.num('x', 'X', 0.5, { min: 0, max: 1 })).toStrictEqual({ name: 'x', label: 'X', kind: 'number', default: 0.5, min: 0, max: 1 });
  });

  it('take labels, live flags and help lines, and name the shared settings the same everywhere', () => {
    expect(P.batchSpec(64, { min: 8, max: 256, live: true, label: 'Minibatch M' })).toStrictEqual({ name: 'batch', label: 'Minibatch M', kind: 'number', default: 64, min: 8, max: 256, integer: true, live: true });
    expect(P.hiddenSpec(32, { min: 2, max: 128 })).toStrictEqual({ name: 'hidden', label: 'Hidden units', kind: 'number', default: 32, min: 2, max: 128, integer: true });
    expect(P.lrSpec(0.005, 1, { label: 'Step size', live: true, help: 'h' })).toStrictEqual({ name: 'lr', label: 'Step size', kind: 'number', default: 0.005, min: 0, minExclusive: true, max: 1, live: true, help: 'h' });
    expect(P.text('t', 'T', '', { maxLength: 10, wide: true })).toStrictEqual({ name: 't', label: 'T', kind: 'text', default: '', maxLength: 10, wide: true });
    expect(mixtureSpec('p', 'P', 'N(0, 1)')).toStrictEqual({ name: 'p', label: 'P', kind: 'text', default: 'N(0, 1)', maxLength: 400, validate: mixtureError, wide: true });
    // A rate is greater than 0: 0 itself is rejected with the range in words.
    const r = parseValue(P.rate('lr', 'Learning rate', 0.1, 1), '0');
    expect(r).toEqual({ ok: false, error: 'Learning rate = 0 is out of range: enter a number greater than 0 and at most 1.' });
  });
});
