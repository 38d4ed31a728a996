/**
 * Chapter 6's `distances-vs-offset` widget: the parallel-lines example. p_0 is the segment
 * {0} x [0, 1] with uniform mass, p_theta the same segment at x = theta. Closed forms:
 * W1 = |theta|; JS = log 2 and KL = +infinity for theta != 0; all zero at theta = 0.
 * Each step moves two copies of theta by gradient descent, one on W1 and one on JS, from the same
 * start: the first walks to 0, the second never moves (its gradient is zero).
 */
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';
export * from './settings';
import { type DistancesView } from './settings';

export function linesW1(theta: number): number {
  return Math.abs(theta);
}
export function linesJs(theta: number): number {
  return theta === 0 ? 0 : Math.LN2;
}
export function linesKl(theta: number): number {
  return theta === 0 ? 0 : Infinity;
}

export type DistancesModel = Model & { thetaW(): number; thetaJs(): number };

export function createModel(values: Values): DistancesModel {
  const lr = Number(values.lr);
  let tW = Number(values.theta0);
  let tJ = tW;
  const path: number[] = [tW];
  const thetas = linspace(-5, 5, 401);
  return {
    step() {
      // d|theta|/dtheta = sign(theta); a step that would cross 0 lands on it.
      const g = Math.sign(tW);
      tW = Math.abs(tW) <= lr ? 0 : tW - lr * g;
      // d JS / d theta = 0 for theta != 0: no move.
      path.push(tW);
      if (path.length > 2000) path.splice(0, path.length - 2000);
    },
    metrics() {
      return { theta_w1: tW, theta_js: tJ, w1: linesW1(tJ), jsd: linesJs(tJ), kl: linesKl(tJ) === Infinity ? 'infinite' : 0 };
    },
    view(): DistancesView {
      return {
        thetas: Float32Array.from(thetas),
        w1: Float32Array.from(thetas, linesW1),
        js: Float32Array.from(thetas, linesJs),
        thetaW: tW,
        thetaJs: tJ,
        pathW: Float32Array.from(path),
      };
    },
    dispose() {},
    /** The W1 walk has arrived at 0 (the JS run never moves): nothing more to show. */
    done: () => tW === 0,
    thetaW: () => tW,
    thetaJs: () => tJ,
  };
}
