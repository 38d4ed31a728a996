/** Settings of the MNIST MLP GAN widget (chapter 4), apart from the tfjs model. */
import { type ParamSpec, SEED_SPEC, int, rate, batchSpec, hiddenSpec } from '../../lib/params';
import { generatorLossSpec } from '../../lib/gan/settings';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/mnist-gan.astro), its tag and its worker. */
export const id = 'mnist-gan';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, needsMnist: true, steps: 50 };

export const specs: ParamSpec[] = [
  hiddenSpec(128, { min: 8, max: 512, label: 'Hidden units (G and D)' }),
  rate('lr_d', 'Learning rate of D (Adam)', 0.0005, 0.1, { live: true }),
  rate('lr_g', 'Learning rate of G (Adam)', 0.001, 0.1, { live: true }),
  int('k', 'K: D steps per G step', 1, { min: 1, max: 10, live: true }),
  batchSpec(64, { min: 8, max: 256, label: 'Minibatch M' }),
  generatorLossSpec({ live: true }),
  int('parzen_every', 'Parzen estimate every (steps)', 500, { min: 50, max: 100000 }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'd_loss', label: 'D loss (BCE)', digits: 4 },
  { name: 'g_loss', label: 'G loss', digits: 4 },
  { name: 'parzen_ll', label: 'Parzen log-lik. of test digits (nats)', digits: 4, title: 'Gaussian Parzen window on 1,000 generator samples, bandwidth h chosen on validation digits' },
  { name: 'parzen_sigma', label: 'bandwidth h chosen', digits: 3 },
  { name: 'parzen_train', label: 'same estimate, training digits as "samples"', digits: 4 },
];
