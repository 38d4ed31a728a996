/** Settings of the bigan-mnist widget (no tfjs here: the page imports this file). */
import { type ParamSpec, SEED_SPEC, int, lrSpec, batchSpec, hiddenSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/bigan-mnist.astro), its tag and its worker. */
export const id = 'bigan-mnist';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, needsMnist: true, steps: 30 };

export const specs: ParamSpec[] = [
  int('latent', 'Code size', 16, { min: 2, max: 64 }),
  hiddenSpec(256, { min: 16, max: 512 }),
  lrSpec(0.0002, 0.01),
  batchSpec(64, { min: 8, max: 256 }),
  int('probe_every', 'Re-fit the probe every (steps)', 200, { min: 20, max: 5000 }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'd_loss', label: 'D loss', digits: 3, title: "D's cross-entropy on (x, E(x)) pairs (real) and (G(z), z) pairs (fake)" },
  { name: 'g_loss', label: 'G and E loss', digits: 3, title: 'The loss of G and E, with the labels swapped' },
  { name: 'probe_acc', label: 'probe accuracy', digits: 3, title: "Test accuracy of softmax regression on E's codes (fitted on 2,000 training digits)" },
  { name: 'probe_acc_random', label: 'probe accuracy, random E', digits: 3, title: 'The same probe on the encoder before training (random weights)' },
  { name: 'probe_step', label: 'probe fitted at step' },
];
