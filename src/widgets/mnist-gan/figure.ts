/** Build-time static figure for `mnist-gan`, drawn from the trained checkpoint (npm run checkpoints). */
import { trainedView } from '../../lib/book/checkpoint-files';
import { floatImagesSvg } from '../../lib/book/png';
import { createModel, type MnistGanView } from './model';
import * as settings from './settings';

/** The generator's 36 grid images after the checkpoint's steps, and a caption; null without a checkpoint. */
export async function mnistGanTrainedFigure(): Promise<{ svg: string; caption: string } | null> {
  const t = await trainedView<MnistGanView>(settings, createModel);
  if (!t) return null;
  const { view: v, manifest: m } = t;
  const ll = m.metrics.parzen_ll;
  const steps = m.steps.toLocaleString('en-US');
  return {
    svg: floatImagesSvg(v.samples, v.n, 12, 2, `Thirty-six samples of the generator after ${steps} training steps`),
    caption:
      `The generator from the book's checkpoint after ${steps} steps (default settings, seed ${m.seed}; ${m.note}): ` +
      `36 samples from fixed noise. Parzen estimate ${ll.value.toFixed(ll.digits)} nats. With JavaScript the GAN trains live, from scratch or from this checkpoint (Load trained).`,
  };
}
