/** Settings of the pixelcnn-mask widget (page-safe: the model is plain JavaScript, no tfjs). */
import { type ParamSpec, SEED_SPEC } from '../../lib/params';
import type { MetricSpec } from '../../lib/metrics';
import { SIZE, type Layout } from '../../lib/pixelcnn/masks';
import type { BenchInfo } from '../../lib/model';

/** The widget's id: names its folder, its component (components/widgets/pixelcnn-mask.astro), its tag and its worker. */
export const id = 'pixelcnn-mask';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };

export const specs: ParamSpec[] = [
  {
    name: 'layout',
    label: 'Architecture',
    kind: 'enum',
    default: 'plain',
    options: [
      { value: 'plain', label: 'PixelCNN (one masked stack)' },
      { value: 'gated', label: 'Gated PixelCNN (vertical + horizontal stacks)' },
    ],
  },
  { name: 'layers', label: 'Masked layers k', kind: 'number', default: 5, min: 1, max: 14, integer: true },
  {
    name: 'first_kernel',
    label: 'First-layer kernel (mask A)',
    kind: 'enum',
    default: '3',
    options: ['3', '5', '7'].map((v) => ({ value: v, label: `${v}x${v}` })),
  },
  {
    name: 'kernel',
    label: 'Later kernels (mask B)',
    kind: 'enum',
    default: '3',
    options: ['3', '5'].map((v) => ({ value: v, label: `${v}x${v}` })),
  },
  { name: 'row', label: 'Pixel row', kind: 'number', default: 14, min: 0, max: SIZE - 1, integer: true },
  { name: 'col', label: 'Pixel column', kind: 'number', default: 14, min: 0, max: SIZE - 1, integer: true },
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
