/**
 * Settings of the live Figure 1 (chapter 4), apart from the model so the page bundle stays
 * free of tfjs.
 */
import type { ParamSpec } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { mixtureError } from '../../lib/density/mixture';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/gan-figure1.astro), its tag and its worker. */
export const id = 'gan-figure1';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 300 };

export const specs: ParamSpec[] = [
  { name: 'pdata', label: 'p_data', kind: 'text', default: 'N(2, 0.5)', maxLength: 300, validate: mixtureError, wide: true },
  { name: 'k', label: 'K: discriminator steps per generator step', kind: 'number', default: 1, min: 1, max: 50, integer: true },
  { name: 'lr_d', label: 'Learning rate of D (Adam)', kind: 'number', default: 0.01, min: 0, minExclusive: true, max: 1 },
  { name: 'lr_g', label: 'Learning rate of G (Adam)', kind: 'number', default: 0.002, min: 0, minExclusive: true, max: 1 },
  {
    name: 'loss',
    label: 'Generator loss',
    kind: 'enum',
    default: 'ns',
    options: [
      { value: 'ns', label: 'non-saturating: −log D(G(z))' },
      { value: 'minimax', label: 'minimax: log(1 − D(G(z)))' },
    ],
  },
  { name: 'hidden', label: 'Hidden units (G and D)', kind: 'number', default: 16, min: 2, max: 64, integer: true },
  { name: 'batch', label: 'Minibatch M', kind: 'number', default: 64, min: 2, max: 1024, integer: true },
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'd_loss', label: 'D loss (BCE)', digits: 4 },
  { name: 'g_loss', label: 'G loss', digits: 4 },
  { name: 'jsd', label: 'JSD(p_data, p_g)', digits: 3, title: 'With p_g estimated by a kernel density of 2,000 generator outputs' },
  { name: 'd_steps', label: 'D steps' },
  { name: 'g_steps', label: 'G steps' },
];
