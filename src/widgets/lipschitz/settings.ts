/** Settings of the lipschitz widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC, num, int, choice, text } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { exprError } from '../../lib/expr';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/lipschitz.astro), its tag and its worker. */
export const id = 'lipschitz';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };

export const LIP_FUNCTIONS: Record<string, { label: string; expr: string; domain: (R: number, a: number, b: number) => [number, number] }> = {
  sq_bounded: { label: '(1) x^2 on [-1, 1]', expr: 'x^2', domain: () => [-1, 1] },
  sq_line: { label: '(2) x^2 on the real line (window [-R, R])', expr: 'x^2', domain: (R) => [-R, R] },
  hyperbola: { label: '(3) sqrt(x^2 + 1) on the real line (window [-R, R])', expr: 'sqrt(x^2 + 1)', domain: (R) => [-R, R] },
  sqrt: { label: '(4) sqrt(x) on [0, 1]', expr: 'sqrt(x)', domain: () => [0, 1] },
  custom: { label: 'My function on [a, b]', expr: '', domain: (_R, a, b) => [a, b] },
};

export const specs: ParamSpec[] = [
  choice('fn', 'Function', 'sq_bounded', Object.entries(LIP_FUNCTIONS).map(([value, f]) => ({ value, label: f.label }))),
  text('expr', 'My function f(x)', 'sin(3*x)', {
    maxLength: 200,
    validate: exprError,
    help: 'x, numbers, pi, e, + - * / ^, sin cos tan exp log sqrt abs tanh',
  }),
  num('a', 'a (my domain)', -2, { min: -1000, max: 1000 }),
  num('b', 'b (my domain)', 2, { min: -1000, max: 1000 }),
  num('R', 'Window R (unbounded domains)', 10, { min: 0.1, max: 1000 }),
  int('pairs', 'Pairs per step', 200, { min: 1, max: 5000 }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'lip_estimate', label: 'steepest chord so far', digits: 5 },
  { name: 'pairs', label: 'pairs tried' },
  { name: 'x1', label: 'at x1', digits: 6 },
  { name: 'x2', label: 'and x2', digits: 6 },
];

export interface LipschitzView {
  xs: Float32Array;
  ys: Float32Array;
  best: [number, number, number, number] | null;
  history: Float32Array;
  domain: [number, number];
  label: string;
}
