/**
 * Settings of the live Figure 1 (chapter 4), apart from the model so the page bundle stays
 * free of tfjs.
 */
import { type ParamSpec, SEED_SPEC, int, rate, batchSpec, hiddenSpec } from '../../lib/params';
import { generatorLossSpec } from '../../lib/gan/settings';
import type { MetricSpec } from '../../lib/metrics';
import { mixtureSpec } from '../../lib/density/mixture';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/gan-figure1.astro), its tag and its worker. */
export const id = 'gan-figure1';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 300 };

export const specs: ParamSpec[] = [
  mixtureSpec('pdata', 'p_data', 'N(2, 0.5)', 300),
  int('k', 'K: discriminator steps per generator step', 1, { min: 1, max: 50 }),
  rate('lr_d', 'Learning rate of D (Adam)', 0.01, 1),
  rate('lr_g', 'Learning rate of G (Adam)', 0.002, 1),
  generatorLossSpec(),
  hiddenSpec(16, { min: 2, max: 64, label: 'Hidden units (G and D)' }),
  batchSpec(64, { min: 2, max: 1024, label: 'Minibatch M' }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'd_loss', label: 'D loss (BCE)', digits: 4 },
  { name: 'g_loss', label: 'G loss', digits: 4 },
  { name: 'jsd', label: 'JS(p_data ‖ p_g)', digits: 3, title: 'With p_g estimated by a kernel density of 2,000 generator outputs' },
  { name: 'd_steps', label: 'D steps' },
  { name: 'g_steps', label: 'G steps' },
];
