/**
 * The pixelcnn-mnist checkpoint (npm run checkpoints): default settings, seed 1, the 200 steps
 * that chapter 2's prose quotes; stated: the readouts' test NLL (nats per image) and bits/dim.
 */
import type { CheckpointRecipe } from '../../lib/checkpoint';
import type { Mnist } from '../../lib/data/mnist';
import type { Values } from '../../lib/params';
import { createModel, type PixelcnnMnist } from './model';

export const recipe: CheckpointRecipe<PixelcnnMnist> = {
  widget: 'pixelcnn-mnist',
  steps: 200,
  shapeKeys: ['layout', 'layers', 'channels', 'first_kernel'],
  needsMnist: true,
  create: (values, mnist) => createModel(values as Values, mnist as Mnist),
  measure(model) {
    const m = model.metrics();
    return {
      nll_nats: { value: Number(m.nll_nats), digits: 2, what: 'test NLL on the widget’s test digits, nats per image' },
      bits_per_dim: { value: Number(m.bits_per_dim), digits: 4, what: 'the same in bits per pixel' },
    };
  },
  note: 'the 200 steps that chapter 2 quotes',
};
