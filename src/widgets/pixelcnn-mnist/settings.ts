/** Settings of the widget (no tfjs here, so that the page script can import them). */
import type { ParamSpec } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/pixelcnn-mnist.astro), its tag and its worker. */
export const id = 'pixelcnn-mnist';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, needsMnist: true, steps: 20 };
export const specs: ParamSpec[] = [
  { name: 'channels', label: 'Channels', kind: 'number', default: 16, min: 2, max: 64, integer: true },
  { name: 'layers', label: 'Masked layers (1 mask A + mask B)', kind: 'number', default: 4, min: 1, max: 10, integer: true },
  {
    name: 'first_kernel',
    label: 'First kernel (mask A)',
    kind: 'enum',
    default: '7',
    options: ['3', '5', '7'].map((v) => ({ value: v, label: `${v}x${v}` })),
  },
  {
    name: 'layout',
    label: 'Architecture',
    kind: 'enum',
    default: 'plain',
    options: [
      { value: 'plain', label: 'PixelCNN' },
      { value: 'gated', label: 'Gated PixelCNN (two stacks)' },
    ],
  },
  { name: 'batch', label: 'Batch size', kind: 'number', default: 16, min: 1, max: 128, integer: true },
  { name: 'lr', label: 'Learning rate (Adam)', kind: 'number', default: 0.003, min: 0, minExclusive: true, max: 0.1 },
  { name: 'samples', label: 'Images per sampling run', kind: 'number', default: 8, min: 1, max: 32, integer: true },
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

