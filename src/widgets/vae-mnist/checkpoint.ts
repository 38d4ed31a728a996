/**
 * The vae-mnist checkpoint (npm run checkpoints): default settings, seed 1, the 1,000 steps that
 * chapter 3's prose quotes; the stated metrics are the readouts' test ELBO, recon and KL on the
 * first 500 test digits (fixed noise).
 */
import type { CheckpointRecipe } from '../../lib/checkpoint';
import type { Mnist } from '../../lib/data/mnist';
import type { Values } from '../../lib/params';
import { createModel, type VaeModel } from './model';

export const recipe: CheckpointRecipe<VaeModel> = {
  widget: 'vae-mnist',
  steps: 1000,
  shapeKeys: ['hidden'],
  needsMnist: true,
  create: (values, mnist) => createModel(values as Values, mnist as Mnist),
  measure(model) {
    const ev = model.evaluate();
    const what = 'on the first 500 test digits, nats per image (one fixed noise draw)';
    return {
      elbo: { value: ev.elbo, digits: 2, what: `test ELBO ${what}` },
      recon: { value: ev.recon, digits: 2, what: `reconstruction term -log p(x|z) ${what}` },
      kl: { value: ev.kl, digits: 2, what: `KL(q(z|x) || p(z)) ${what}` },
    };
  },
  note: 'the 1,000 steps that chapter 3 quotes',
};
