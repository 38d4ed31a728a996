/**
 * Every widget model, for the benchmark page and script (`npm run bench`): each entry trains
 * its model with default settings for a fixed number of steps on each backend. Add your model
 * here when you add a widget.
 */
import type { ParamSpec, Values } from '../params';
import type { Model } from '../runtime/model';
import type { Mnist } from '../data/mnist';
import { createDensity1d, density1dSpecs } from './density1d';
import { createPixelcnnMask, pixelcnnMaskSpecs } from './pixelcnnMask';
import { createPixelcnnMnist, pixelcnnMnistSpecs } from './pixelcnnMnist';

export interface ModelEntry {
  /** The widget id. */
  id: string;
  specs: ParamSpec[];
  create: (values: Values, data: { mnist?: Mnist }) => Model | Promise<Model>;
  /** Uses tfjs (benchmarked per backend) or plain JavaScript. */
  tf: boolean;
  needsMnist?: boolean;
  /** Steps timed by the benchmark (after a short warm-up). */
  benchSteps: number;
}

export const MODELS: ModelEntry[] = [
  { id: 'density-1d', specs: density1dSpecs, create: (v) => createDensity1d(v), tf: false, benchSteps: 200 },
  { id: 'pixelcnn-mask', specs: pixelcnnMaskSpecs, create: (v) => createPixelcnnMask(v), tf: false, benchSteps: 200 },
  {
    id: 'pixelcnn-mnist',
    specs: pixelcnnMnistSpecs,
    create: (v, d) => {
      if (!d.mnist) throw new Error('pixelcnn-mnist needs MNIST');
      return createPixelcnnMnist(v, d.mnist);
    },
    tf: true,
    needsMnist: true,
    benchSteps: 20,
  },
];
