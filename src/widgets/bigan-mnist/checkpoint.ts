/**
 * The bigan-mnist checkpoint (npm run checkpoints): default settings, seed 1, the 600 steps that
 * chapter 8's prose quotes; stated: the readout's probe accuracy (softmax regression on the codes,
 * fitted on 2,000 training digits, scored on 1,000 test digits).
 */
import type { CheckpointRecipe } from '../../lib/checkpoint';
import type { Mnist } from '../../lib/data/mnist';
import type { Values } from '../../lib/params';
import { createModel, type BiganModel } from './model';

export const recipe: CheckpointRecipe<BiganModel> = {
  widget: 'bigan-mnist',
  steps: 600,
  shapeKeys: ['latent', 'hidden'],
  needsMnist: true,
  create: (values, mnist) => createModel(values as Values, mnist as Mnist),
  measure(model) {
    return {
      probe_acc: { value: model.probe(), digits: 3, what: 'linear-probe accuracy on 1,000 test digits' },
      // The same probe on the encoder as initialised: loading the checkpoint shows this baseline
      // at once instead of fitting it again (the provenance test refits it from the seed).
      probe_acc_random: { value: model.probeRandom(), digits: 3, what: 'the same probe on the untrained encoder the run started from' },
    };
  },
  note: 'the 600 steps that chapter 8 quotes',
};
