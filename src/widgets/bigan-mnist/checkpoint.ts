/**
 * The bigan-mnist checkpoint (npm run checkpoints): default settings, seed 1, the 600 steps that
 * chapter 8's prose quotes; stated: the readout's probe accuracy (softmax regression on the codes,
 * fitted on 2,000 training digits, scored on 1,000 test digits).
 */
import { checkpointRecipe } from '../../lib/checkpoint';
import { createModel } from './model';
import * as settings from './settings';

export const recipe = checkpointRecipe(settings, createModel, {
  steps: 600,
  chapter: 8,
  shapeKeys: ['latent', 'hidden'],
  measure(model) {
    return {
      probe_acc: { value: model.probe(), digits: 3, what: 'linear-probe accuracy on 1,000 test digits' },
      // The same probe on the encoder as initialised: loading the checkpoint shows this baseline
      // at once instead of fitting it again (the provenance test refits it from the seed).
      probe_acc_random: { value: model.probeRandom(), digits: 3, what: 'the same probe on the untrained encoder the run started from' },
    };
  },
});
