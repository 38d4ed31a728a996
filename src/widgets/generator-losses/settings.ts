/** Settings of the generator-losses widget (chapter 4), apart from the tfjs model. */
import { type ParamSpec, SEED_SPEC, num, lrSpec, batchSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/generator-losses.astro), its tag and its worker. */
export const id = 'generator-losses';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 300 };

export const specs: ParamSpec[] = [
  num('mu', 'Data mean μ (p_data = N(μ, 1))', 2, { min: -5, max: 5 }),
  num('start', 'Generator start b₀ (p_g = N(b₀, 1))', -2, { min: -5, max: 5 }),
  lrSpec(0.05, 1, { label: 'Learning rate of G (SGD)' }),
  batchSpec(64, { min: 1, max: 1024, label: 'Minibatch M' }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'd_fake_minimax', label: 'D(G(z)), minimax run', digits: 3 },
  { name: 'd_fake_ns', label: 'D(G(z)), non-saturating run', digits: 3 },
  { name: 'grad_minimax', label: '∂loss/∂b, minimax', digits: 3 },
  { name: 'grad_ns', label: '∂loss/∂b, non-saturating', digits: 3 },
  { name: 'b_minimax', label: 'b, minimax', digits: 3 },
  { name: 'b_ns', label: 'b, non-saturating', digits: 3 },
];
