/** Settings of the generator-losses widget (chapter 4), apart from the tfjs model. */
import type { ParamSpec } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/generator-losses.astro), its tag and its worker. */
export const id = 'generator-losses';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 300 };

export const specs: ParamSpec[] = [
  { name: 'mu', label: 'Data mean μ (p_data = N(μ, 1))', kind: 'number', default: 2, min: -5, max: 5 },
  { name: 'start', label: 'Generator start b₀ (p_g = N(b₀, 1))', kind: 'number', default: -2, min: -5, max: 5 },
  { name: 'lr', label: 'Learning rate of G (SGD)', kind: 'number', default: 0.05, min: 0, minExclusive: true, max: 1 },
  { name: 'batch', label: 'Minibatch M', kind: 'number', default: 64, min: 1, max: 1024, integer: true },
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
