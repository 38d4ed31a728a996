/**
 * The mnist-gan checkpoint (npm run checkpoints): default settings, seed 1, the 300 steps that
 * chapter 4's prose quotes; stated: the readout's Parzen-window log-likelihood estimate (nats,
 * on the widget's 300 test digits, computed once when the checkpoint is loaded).
 */
import { checkpointRecipe } from '../../lib/checkpoint';
import { createModel } from './model';
import * as settings from './settings';

export const recipe = checkpointRecipe(settings, createModel, {
  steps: 300,
  chapter: 4,
  shapeKeys: ['hidden'],
  measure(model) {
    const m = model.metrics();
    return {
      parzen_ll: { value: Number(m.parzen_ll), digits: 1, what: 'Parzen-window log-likelihood of 300 test digits under 1,000 samples, nats' },
      parzen_sigma: { value: Number(m.parzen_sigma), digits: 2, what: 'the Parzen width the validation digits picked' },
    };
  },
});
