/** Settings of the MNIST MLP GAN widget (chapter 4), apart from the tfjs model. */
import type { ParamSpec } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/mnist-gan.astro), its tag and its worker. */
export const id = 'mnist-gan';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, needsMnist: true, steps: 50 };

export const specs: ParamSpec[] = [
  { name: 'hidden', label: 'Hidden units (G and D)', kind: 'number', default: 128, min: 8, max: 512, integer: true },
  { name: 'lr_d', label: 'Learning rate of D (Adam)', kind: 'number', default: 0.0005, min: 0, minExclusive: true, max: 0.1, live: true },
  { name: 'lr_g', label: 'Learning rate of G (Adam)', kind: 'number', default: 0.001, min: 0, minExclusive: true, max: 0.1, live: true },
  { name: 'k', label: 'K: D steps per G step', kind: 'number', default: 1, min: 1, max: 10, integer: true, live: true },
  { name: 'batch', label: 'Minibatch M', kind: 'number', default: 64, min: 8, max: 256, integer: true },
  {
    name: 'loss',
    live: true,
    label: 'Generator loss',
    kind: 'enum',
    default: 'ns',
    options: [
      { value: 'ns', label: 'non-saturating: −log D(G(z))' },
      { value: 'minimax', label: 'minimax: log(1 − D(G(z)))' },
    ],
  },
  { name: 'parzen_every', label: 'Parzen estimate every (steps)', kind: 'number', default: 500, min: 50, max: 100000, integer: true },
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'd_loss', label: 'D loss (BCE)', digits: 4 },
  { name: 'g_loss', label: 'G loss', digits: 4 },
  { name: 'parzen_ll', label: 'Parzen log-lik. of test digits (nats)', digits: 4, title: 'Gaussian Parzen window on 1,000 generator samples, sigma chosen on validation digits' },
  { name: 'parzen_sigma', label: 'σ chosen', digits: 3 },
  { name: 'parzen_train', label: 'same estimate, training digits as "samples"', digits: 4 },
];
