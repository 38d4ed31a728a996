/**
 * The vae-mnist checkpoint (npm run checkpoints): default settings, seed 1, the 1,000 steps that
 * chapter 3's prose quotes; the stated metrics are the readouts' test ELBO, recon and KL on the
 * first 500 test digits (fixed noise).
 */
import { checkpointRecipe } from '../../lib/checkpoint';
import { createModel } from './model';
import * as settings from './settings';

export const recipe = checkpointRecipe(settings, createModel, {
  steps: 1000,
  chapter: 3,
  shapeKeys: ['hidden'],
  measure(model) {
    const ev = model.evaluate();
    const what = 'on the first 500 test digits, nats per image (one fixed noise draw)';
    return {
      elbo: { value: ev.elbo, digits: 2, what: `test ELBO ${what}` },
      recon: { value: ev.recon, digits: 2, what: `reconstruction term -log p(x|z) ${what}` },
      kl: { value: ev.kl, digits: 2, what: `KL(q(z|x) || p(z)) ${what}` },
    };
  },
});
