/** Settings of the widget (no tfjs here, so that the page script can import them). */
import { type ParamSpec, SEED_SPEC, int, choice, lrSpec, batchSpec } from '../../lib/params';
import { kernelSpec } from '../../lib/pixelcnn/settings';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/pixelcnn-mnist.astro), its tag and its worker. */
export const id = 'pixelcnn-mnist';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, needsMnist: true, steps: 20 };
export const specs: ParamSpec[] = [
  int('channels', 'Channels', 16, { min: 2, max: 64 }),
  int('layers', 'Masked layers (1 mask A + mask B)', 4, { min: 1, max: 10 }),
  kernelSpec('first_kernel', 'First kernel (mask A)', '7', ['3', '5', '7']),
  choice('layout', 'Architecture', 'plain', { plain: 'PixelCNN', gated: 'Gated PixelCNN (two stacks)' }),
  batchSpec(16, { min: 1, max: 128 }),
  lrSpec(0.003, 0.1, { label: 'Learning rate (Adam)' }),
  int('samples', 'Images per sampling run', 8, { min: 1, max: 32 }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'nll_nats', label: 'test NLL (nats/image)', digits: 4, title: 'Negative log-likelihood of 100 held-out binarised digits, averaged' },
  { name: 'bits_per_dim', label: 'bits/dim', digits: 3 },
  { name: 'train_nll', label: 'train NLL', digits: 4, title: 'Mean NLL of the last 10 training batches' },
  { name: 'steps_per_s', label: 'steps/s', digits: 3 },
  { name: 'step_ms', label: 'ms per step', digits: 3 },
  { name: 'sample_ms', label: 'ms per full sample', digits: 4, title: 'Measured time of the 784 forward passes of the last complete sampling run' },
];

