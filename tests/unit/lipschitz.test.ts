import { describe, expect, it } from 'vitest';
import { createModel as createLipschitz, specs as lipschitzSpecs, LIPSCHITZ_RUN_STEPS } from '../../src/widgets/lipschitz/model';
import { exprError, parseExpr } from '../../src/lib/expr';
import { defaults, parseValue } from '../../src/lib/params';

const run = (over: Record<string, number | string>, steps: number) => {
  const m = createLipschitz({ ...defaults(lipschitzSpecs), ...over });
  for (let i = 0; i < steps; i++) m.step();
  return m;
};

describe('expression language', () => {
  it('evaluates precedence, powers, unary minus and functions', () => {
    expect(parseExpr('1 + 2*3^2')(0)).toBe(19);
    expect(parseExpr('-x^2')(3)).toBe(-9);
    expect(parseExpr('2^3^2')(0)).toBe(512);
    expect(parseExpr('sqrt(x^2 + 1)')(0)).toBe(1);
    expect(parseExpr('abs(sin(pi/2)) + exp(0) + log(e)')(0)).toBeCloseTo(3, 12);
    expect(parseExpr('(x - 1)/(x + 1)')(3)).toBe(0.5);
    expect(parseExpr('2.5e-1 * X')(4)).toBe(1);
  });
  it('rejects bad input with a message and never evaluates code', () => {
    expect(exprError('')).toMatch(/empty/);
    expect(exprError('x +')).toMatch(/ends too early/);
    expect(exprError('sin x')).toMatch(/"\(" after sin/);
    expect(exprError('alert(1)')).toMatch(/unknown name "alert"/);
    expect(exprError('x; 1')).toMatch(/unexpected character ";"/);
    expect(exprError('(x')).toMatch(/expected "\)"/);
    expect(exprError('constructor')).toMatch(/unknown name/);
    expect(exprError('('.repeat(100) + 'x' + ')'.repeat(100))).toMatch(/too long/);
    expect(exprError('-'.repeat(70) + 'x')).toBeNull();
    expect(exprError('('.repeat(70) + 'x' + ')'.repeat(70))).toMatch(/nested/);
  });
});

describe('lipschitz: exercise 13-2', () => {
  it(`a played run stops after ${LIPSCHITZ_RUN_STEPS} steps (the model says done)`, () => {
    const m = run({ fn: 'sq_bounded' }, LIPSCHITZ_RUN_STEPS - 1);
    expect(m.done!()).toBe(false);
    m.step();
    expect(m.done!()).toBe(true);
  });
  it('(1) x^2 on [-1, 1]: the estimate approaches 2', () => {
    const m = run({ fn: 'sq_bounded' }, 50);
    expect(m.estimate()).toBeLessThanOrEqual(2);
    expect(m.estimate()).toBeGreaterThan(1.99);
  });
  it('(2) x^2 on the line: about 2R in the window, doubling with R', () => {
    const a = run({ fn: 'sq_line', R: 10 }, 50).estimate();
    const b = run({ fn: 'sq_line', R: 20 }, 50).estimate();
    expect(a).toBeGreaterThan(19.8);
    expect(a).toBeLessThanOrEqual(20);
    expect(b / a).toBeCloseTo(2, 1);
  });
  it('(3) sqrt(x^2 + 1): approaches 1 from below', () => {
    const m = run({ fn: 'hyperbola', R: 10 }, 50);
    expect(m.estimate()).toBeLessThan(1);
    expect(m.estimate()).toBeGreaterThan(0.99);
  });
  it('(4) sqrt(x) on [0, 1]: keeps climbing, the steepest pair next to 0', () => {
    const m = createLipschitz({ ...defaults(lipschitzSpecs), fn: 'sqrt' });
    for (let i = 0; i < 10; i++) m.step();
    const early = m.estimate();
    for (let i = 0; i < 190; i++) m.step();
    expect(m.estimate()).toBeGreaterThan(early);
    expect(m.estimate()).toBeGreaterThan(50);
    const met = m.metrics();
    expect(Math.min(Number(met.x1), Number(met.x2))).toBeLessThan(1e-3);
  });
  it('a typed function: sin(3x) has constant 3; bad settings are rejected', () => {
    const m = run({ fn: 'custom', expr: 'sin(3*x)' }, 50);
    expect(m.estimate()).toBeGreaterThan(2.99);
    expect(m.estimate()).toBeLessThanOrEqual(3);
    expect(() => createLipschitz({ ...defaults(lipschitzSpecs), fn: 'custom', a: 2, b: 1 })).toThrow(/a < b/);
    expect(() => createLipschitz({ ...defaults(lipschitzSpecs), fn: 'custom', expr: 'log(x)', a: -5, b: -1 })).toThrow(/undefined/);
    const spec = lipschitzSpecs.find((s) => s.name === 'expr')!;
    expect(parseValue(spec, 'x +').ok).toBe(false);
  });
});
