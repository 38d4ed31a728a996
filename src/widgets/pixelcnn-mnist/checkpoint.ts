/**
 * The pixelcnn-mnist checkpoint (npm run checkpoints): default settings, seed 1, the 200 steps
 * that chapter 2's prose quotes; stated: the readouts' test NLL (nats per image) and bits/dim.
 */
import { checkpointRecipe } from '../../lib/checkpoint';
import { createModel } from './model';
import * as settings from './settings';

export const recipe = checkpointRecipe(settings, createModel, {
  steps: 200,
  chapter: 2,
  shapeKeys: ['layout', 'layers', 'channels', 'first_kernel'],
  measure(model) {
    const m = model.metrics();
    return {
      nll_nats: { value: Number(m.nll_nats), digits: 2, what: 'test NLL on the widget’s test digits, nats per image' },
      bits_per_dim: { value: Number(m.bits_per_dim), digits: 4, what: 'the same in bits per pixel' },
    };
  },
});
