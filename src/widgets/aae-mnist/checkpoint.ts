/**
 * The aae-mnist checkpoint (npm run checkpoints): default settings (Gaussian prior, a VAE
 * alongside), seed 1, the 300 steps that chapter 7's prose quotes; stated: the readout's code
 * MMD² between the test digits' codes and prior samples.
 */
import { checkpointRecipe } from '../../lib/checkpoint';
import { createModel } from './model';
import * as settings from './settings';

export const recipe = checkpointRecipe(settings, createModel, {
  steps: 300,
  chapter: 7,
  shapeKeys: ['prior', 'variant', 'regulariser', 'compare', 'hidden'],
  measure(model) {
    return {
      code_mmd: { value: model.codeMmd(), digits: 3, what: 'MMD² between the codes of the first 500 test digits and 500 prior samples' },
    };
  },
});
