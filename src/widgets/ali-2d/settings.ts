/** Settings of the ali-2d widget and its target (no tfjs here: the page imports this file). */
import type { ParamSpec } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/ali-2d.astro), its tag and its worker. */
export const id = 'ali-2d';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 100 };

export const specs: ParamSpec[] = [
  {
    name: 'mode',
    label: 'Model',
    kind: 'enum',
    default: 'ali',
    options: [
      { value: 'ali', label: 'ALI / BiGAN: D sees (x, z) pairs' },
      { value: 'gan', label: 'Plain GAN: no encoder, D sees x only' },
    ],
  },
  {
    name: 'encoder',
    label: 'Encoder',
    kind: 'enum',
    default: 'deterministic',
    options: [
      { value: 'deterministic', label: 'Deterministic z = E(x) (BiGAN)' },
      { value: 'gaussian', label: 'Gaussian, reparameterised (ALI)' },
    ],
  },
  { name: 'modes', label: 'Modes of the target (ring)', kind: 'number', default: 8, min: 2, max: 12, integer: true },
  { name: 'spread', label: 'Mode standard deviation', kind: 'number', default: 0.1, min: 0.02, max: 0.5 },
  { name: 'lr', label: 'Learning rate', kind: 'number', default: 0.001, min: 0, minExclusive: true, max: 0.05 },
  { name: 'batch', label: 'Batch size', kind: 'number', default: 128, min: 8, max: 512, integer: true },
  { name: 'hidden', label: 'Hidden units', kind: 'number', default: 64, min: 8, max: 256, integer: true },
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'd_loss', label: 'D loss', digits: 3, title: "D's cross-entropy on encoder pairs (real) and generator pairs (fake); 1.386 when D cannot tell" },
  { name: 'g_loss', label: 'G and E loss', digits: 3, title: 'G and E loss with swapped labels' },
  { name: 'recon_error', label: 'reconstruction error', digits: 3, title: 'Mean distance |x - G(E(x))| over 400 test points (never trained for)' },
  { name: 'modes_covered', label: 'modes covered', title: 'Modes that receive at least a fifth of their share of 1,000 generator samples within 3 sd' },
];

export const RING_RADIUS = 2;

/** Centre of mode k of the ring target. */
export function modeCentre(k: number, modes: number): [number, number] {
  const a = (2 * Math.PI * k) / modes;
  return [RING_RADIUS * Math.cos(a), RING_RADIUS * Math.sin(a)];
}
