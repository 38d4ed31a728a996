/**
 * Chapter 6's `lipschitz` widget (exercise 13-2): estimates a function's Lipschitz constant as
 * the steepest chord |f(x1) - f(x2)| / |x1 - x2| over random pairs of points of its domain. Half
 * of each batch is uniform pairs, half are close pairs (gap drawn log-uniformly down to 1e-6 of
 * the domain's width), which finds steep local slopes quickly. Unbounded domains are explored in a
 * window [-R, R].
 */
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { exprError, parseExpr } from '../../lib/expr';
import { linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';

export const LIP_FUNCTIONS: Record<string, { label: string; expr: string; domain: (R: number, a: number, b: number) => [number, number] }> = {
  sq_bounded: { label: '(1) x^2 on [-1, 1]', expr: 'x^2', domain: () => [-1, 1] },
  sq_line: { label: '(2) x^2 on the real line (window [-R, R])', expr: 'x^2', domain: (R) => [-R, R] },
  hyperbola: { label: '(3) sqrt(x^2 + 1) on the real line (window [-R, R])', expr: 'sqrt(x^2 + 1)', domain: (R) => [-R, R] },
  sqrt: { label: '(4) sqrt(x) on [0, 1]', expr: 'sqrt(x)', domain: () => [0, 1] },
  custom: { label: 'My function on [a, b]', expr: '', domain: (_R, a, b) => [a, b] },
};

export const lipschitzSpecs: ParamSpec[] = [
  {
    name: 'fn',
    label: 'Function',
    kind: 'enum',
    default: 'sq_bounded',
    options: Object.entries(LIP_FUNCTIONS).map(([value, f]) => ({ value, label: f.label })),
  },
  {
    name: 'expr',
    label: 'My function f(x)',
    kind: 'text',
    default: 'sin(3*x)',
    maxLength: 200,
    validate: exprError,
    help: 'x, numbers, pi, e, + - * / ^, sin cos tan exp log sqrt abs tanh',
  },
  { name: 'a', label: 'a (my domain)', kind: 'number', default: -2, min: -1000, max: 1000 },
  { name: 'b', label: 'b (my domain)', kind: 'number', default: 2, min: -1000, max: 1000 },
  { name: 'R', label: 'Window R (unbounded domains)', kind: 'number', default: 10, min: 0.1, max: 1000 },
  { name: 'pairs', label: 'Pairs per step', kind: 'number', default: 200, min: 1, max: 5000, integer: true },
  SEED_SPEC,
];

export interface LipschitzView {
  xs: Float32Array;
  ys: Float32Array;
  best: [number, number, number, number] | null;
  history: Float32Array;
  domain: [number, number];
  label: string;
}

export type LipschitzModel = Model & { estimate(): number };

/** Steps a played run takes before it stops (10 s at the default 30 steps/s); Step goes no further. */
export const LIPSCHITZ_RUN_STEPS = 300;

export function createModel(values: Values): LipschitzModel {
  const key = String(values.fn);
  const spec = LIP_FUNCTIONS[key];
  if (!spec) throw new Error(`unknown function ${key}`);
  const a = Number(values.a);
  const b = Number(values.b);
  if (key === 'custom' && !(b > a)) throw new Error(`the domain needs a < b (got a = ${a}, b = ${b})`);
  const f = parseExpr(key === 'custom' ? String(values.expr) : spec.expr);
  const [lo, hi] = spec.domain(Number(values.R), a, b);
  const width = hi - lo;
  const n = Number(values.pairs);
  const rng = new Rng(Number(values.seed));
  let best = 0;
  let bestPair: [number, number] | null = null;
  let count = 0;
  const history: number[] = [];
  const xs = linspace(lo, hi, 401);
  const ys = Float32Array.from(xs, (x) => f(x));
  const defined = ys.filter(Number.isFinite).length;
  if (defined < xs.length / 2) throw new Error(`f(x) is undefined (NaN or infinite) on most of [${lo}, ${hi}]: choose another domain`);

  return {
    step() {
      for (let i = 0; i < n; i++) {
        const x1 = lo + width * rng.next();
        let x2: number;
        if (i % 2 === 0) x2 = lo + width * rng.next();
        else {
          const gap = width * Math.pow(10, -6 * rng.next());
          x2 = Math.min(hi, Math.max(lo, x1 + (rng.next() < 0.5 ? -gap : gap)));
        }
        if (x1 === x2) continue;
        const s = Math.abs(f(x1) - f(x2)) / Math.abs(x1 - x2);
        count++;
        if (Number.isFinite(s) && s > best) {
          best = s;
          bestPair = [x1, x2];
        }
      }
      history.push(best);
      if (history.length > 5000) history.splice(0, history.length - 5000);
    },
    metrics() {
      return { lip_estimate: best, pairs: count, x1: bestPair ? bestPair[0] : 0, x2: bestPair ? bestPair[1] : 0 };
    },
    view(): LipschitzView {
      return {
        xs: Float32Array.from(xs),
        ys,
        best: bestPair ? [bestPair[0], f(bestPair[0]), bestPair[1], f(bestPair[1])] : null,
        history: Float32Array.from(history),
        domain: [lo, hi],
        label: key === 'custom' ? String(values.expr) : spec.expr,
      };
    },
    dispose() {},
    done: () => history.length >= LIPSCHITZ_RUN_STEPS,
    estimate: () => best,
  };
}
