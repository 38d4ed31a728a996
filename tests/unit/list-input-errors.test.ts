/**
 * Errors for list-type settings (number lists, drawn points) say what was typed and what is
 * expected, as a sentence; a rejected empty setting says so instead of "The model keeps .".
 */
import { describe, expect, it } from 'vitest';
import { numberListError } from '../../src/lib/number-list';
import { drawnError, EXTENT, MAX_DRAWN } from '../../src/widgets/gan-2d/data';
import { keeps } from '../../src/widget-host/inputs';
import { parseValue, type TextSpec } from '../../src/lib/params';
import { specs as gan2dSpecs } from '../../src/widgets/gan-2d/settings';

describe('drawn points (gan-2d "My points")', () => {
  it('echoes the entry as typed, not as parsed, and shows the expected form', () => {
    const abc = drawnError('abc')!;
    expect(abc).toContain('"abc" is not a point');
    expect(abc).not.toContain('NaN');
    expect(abc).toMatch(/two numbers "x y".*";"/);
    expect(drawnError('0 0; 1')).toContain('"1" is not a point');
    expect(drawnError('1 2 3')).toContain('"1 2 3" is not a point');
    const far = drawnError('1e9 0')!;
    expect(far).toContain('"1e9 0" is outside the plane');
    expect(far).not.toContain('1000000000');
    expect(far).toContain(`between −${EXTENT} and ${EXTENT}`);
    const many = Array.from({ length: MAX_DRAWN + 1 }, () => '0 0').join('; ');
    expect(drawnError(many)).toBe(`you typed ${MAX_DRAWN + 1} points; type at most ${MAX_DRAWN}.`);
    expect(drawnError('0 0; 1, 1.5')).toBeNull();
    expect(drawnError('')).toBeNull();
    for (const bad of ['abc', '1e9 0', many]) expect(drawnError(bad)!.endsWith('.')).toBe(true);
  });

  it('the message the reader sees names the setting and ends as a sentence before "The model keeps"', () => {
    const spec = gan2dSpecs.find((s) => s.name === 'points') as TextSpec;
    const p = parseValue(spec, 'abc');
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.error).toMatch(/^My points.*"abc" is not a point/);
      expect(p.error.endsWith('.')).toBe(true);
    }
    expect(keeps(spec, '')).toBe('The model keeps the setting as it was (empty).');
    expect(keeps(spec, '0 0; 1 1')).toBe('The model keeps 0 0; 1 1.');
  });
});

describe('number lists (density-1d, mmd)', () => {
  const opts = { max: 5, bound: 100, min: 2, fewHint: 'or leave empty to sample' };
  it('says what was typed and what is expected', () => {
    expect(numberListError('1, 2, banana', opts)).toBe('"banana" is not a number: type numbers separated by commas or spaces, e.g. "-1.5, 0, 2".');
    expect(numberListError('NaN, 1', opts)).toContain('"NaN" is not a number');
    expect(numberListError('0x10, 1', opts)).toContain('"0x10" is not a number');
    expect(numberListError('3', opts)).toBe('you typed 1 number; type at least 2 (or leave empty to sample).');
    expect(numberListError('1 2 3 4 5 6', opts)).toBe('you typed 6 numbers; type at most 5.');
    expect(numberListError('1, 1e9', opts)).toBe('"1e9" is outside the range: every number must lie between −100 and 100.');
    expect(numberListError('1, -2.5', opts)).toBeNull();
    expect(numberListError('  ', opts)).toBeNull();
  });
});
