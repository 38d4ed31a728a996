/** Build-time static figure for `bigan-mnist`, drawn from the trained checkpoint (npm run checkpoints). */
import { trainedView } from '../../lib/book/checkpoint-files';
import { floatImagesSvg } from '../../lib/book/png';
import { createModel, type BiganView } from './model';
import * as settings from './settings';

/** Test digits, reconstructions, interpolations and samples of the trained BiGAN; null without a checkpoint. */
export async function biganTrainedFigure(): Promise<{ svg: string; caption: string } | null> {
  const t = await trainedView<BiganView>(settings, createModel);
  if (!t) return null;
  const { view: v, manifest: m } = t;
  const acc = m.metrics.probe_acc;
  const steps = m.steps.toLocaleString('en-US');
  return {
    svg: floatImagesSvg(v.images, v.rows * v.cols, v.cols, 2, `BiGAN after ${steps} steps, rows: ${v.rowLabels.join('; ')}`),
    caption:
      `The BiGAN from the book's checkpoint after ${steps} steps (default settings, seed ${m.seed}; ${m.note}). Rows: ${v.rowLabels.join('; ')}. ` +
      `Probe accuracy ${(acc.value * 100).toFixed(1)}% on 1,000 test digits. With JavaScript the BiGAN trains live, from scratch or from this checkpoint (Load trained).`,
  };
}
