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
export * from './settings';
import { LIP_FUNCTIONS, type LipschitzView } from './settings';

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
