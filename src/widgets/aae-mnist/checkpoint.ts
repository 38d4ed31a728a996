/**
 * The aae-mnist checkpoint (npm run checkpoints): default settings (Gaussian prior, a VAE
 * alongside), seed 1, the 300 steps that chapter 7's prose quotes; stated: the readout's code
 * MMD² between the test digits' codes and prior samples.
 */
import type { CheckpointRecipe } from '../../lib/checkpoint';
import type { Mnist } from '../../lib/data/mnist';
import type { Values } from '../../lib/params';
import { createModel, type AaeModel } from './model';

export const recipe: CheckpointRecipe<AaeModel> = {
  widget: 'aae-mnist',
  steps: 300,
  shapeKeys: ['prior', 'variant', 'regulariser', 'compare', 'hidden'],
  needsMnist: true,
  create: (values, mnist) => createModel(values as Values, mnist as Mnist),
  measure(model) {
    return {
      code_mmd: { value: model.codeMmd(), digits: 3, what: 'MMD² between the codes of the first 500 test digits and 500 prior samples' },
    };
  },
  note: 'the 300 steps that chapter 7 quotes',
};
