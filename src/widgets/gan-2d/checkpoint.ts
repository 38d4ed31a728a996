/**
 * The gan-2d checkpoint (npm run checkpoints): the playground's default settings (ring of eight
 * Gaussians, non-saturating loss), seed 1, the 1,500 steps that chapter 4's prose quotes; stated:
 * the readouts' modes covered, high quality (%) and MMD² on the 2,500 evaluation samples.
 */
import { checkpointRecipe } from '../../lib/checkpoint';
import { createModel } from './model';
import * as settings from './settings';

export const recipe = checkpointRecipe(settings, createModel, {
  steps: 1500,
  chapter: 4,
  shapeKeys: ['target', 'points', 'loss', 'compare', 'wgan', 'noise_dim', 'noise', 'g_layers', 'g_units', 'g_act', 'd_layers', 'd_units', 'd_act'],
  measure(model) {
    const e = model.evaluate(0);
    return {
      modes_covered: { value: e.modes_covered, digits: 0, what: 'modes with a sample within three standard deviations, of 8' },
      high_quality: { value: e.high_quality, digits: 1, what: 'percentage of the 2,500 samples within three standard deviations of a mode' },
      mmd: { value: e.mmd, digits: 5, what: 'MMD² between 2,500 samples and 2,500 real points (RBF kernel, median bandwidth)' },
    };
  },
});
