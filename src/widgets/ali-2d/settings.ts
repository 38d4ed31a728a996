/** Settings of the ali-2d widget and its target (no tfjs here: the page imports this file). */
import { type ParamSpec, SEED_SPEC, num, int, choice, lrSpec, batchSpec, hiddenSpec } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/ali-2d.astro), its tag and its worker. */
export const id = 'ali-2d';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: true, steps: 100 };

export const specs: ParamSpec[] = [
  choice('mode', 'Model', 'ali', { ali: 'ALI / BiGAN: D sees (x, z) pairs', gan: 'Plain GAN: no encoder, D sees x only' }),
  choice('encoder', 'Encoder', 'deterministic', { deterministic: 'Deterministic z = E(x) (BiGAN)', gaussian: 'Gaussian, reparameterised (ALI)' }),
  int('modes', 'Modes of the target (ring)', 8, { min: 2, max: 12 }),
  num('spread', 'Mode standard deviation', 0.1, { min: 0.02, max: 0.5 }),
  lrSpec(0.001, 0.05),
  batchSpec(128, { min: 8, max: 512 }),
  hiddenSpec(64, { min: 8, max: 256 }),
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
