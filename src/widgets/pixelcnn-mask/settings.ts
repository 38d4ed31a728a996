/** Settings of the pixelcnn-mask widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC, int, choice } from '../../lib/params';
import { kernelSpec } from '../../lib/pixelcnn/settings';
import type { MetricSpec } from '../../lib/metrics';
import { SIZE, type Layout } from '../../lib/pixelcnn/masks';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/pixelcnn-mask.astro), its tag and its worker. */
export const id = 'pixelcnn-mask';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };

export const specs: ParamSpec[] = [
  choice('layout', 'Architecture', 'plain', { plain: 'PixelCNN (one masked stack)', gated: 'Gated PixelCNN (vertical + horizontal stacks)' }),
  int('layers', 'Masked layers k', 5, { min: 1, max: 14 }),
  kernelSpec('first_kernel', 'First-layer kernel (mask A)', '3', ['3', '5', '7']),
  kernelSpec('kernel', 'Later kernels (mask B)', '3', ['3', '5']),
  int('row', 'Pixel row', 14, { min: 0, max: SIZE - 1 }),
  int('col', 'Pixel column', 14, { min: 0, max: SIZE - 1 }),
  SEED_SPEC,
];

/** The readouts under the widget: `data-metric` names as the model reports them, labels as the prose uses them. */
export const metrics: MetricSpec[] = [
  { name: 'depth', label: 'layers shown', title: 'Depth of the stack drawn now; Play and Step grow it one layer at a time' },
  { name: 'influence_pixels', label: 'pixels seen', title: 'Input pixels that can influence the chosen pixel' },
  { name: 'blind_spot', label: 'blind spot', title: 'Pixels before the chosen one, within reach of this many layers, that it cannot see' },
  { name: 'future_pixels', label: 'future pixels seen', title: 'Pixels at or after the chosen one that can influence it (must be 0)' },
];

export interface PixelcnnMaskView {
  size: number;
  row: number;
  col: number;
  depth: number;
  layers: number;
  layout: Layout;
  /** 0/1 per pixel: can influence the chosen pixel through `depth` layers. */
  influence: Uint8Array;
  /** 0/1 per pixel: before the chosen pixel and within reach of `depth` layers, yet unseen. */
  blind: Uint8Array;
}
