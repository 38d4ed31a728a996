/** Build-time static figure for `pixelcnn-mnist`, drawn from the trained checkpoint (npm run checkpoints). */
import { defaults } from '../../lib/params';
import { loadTrained } from '../../lib/book/checkpoint-files';
import { floatImagesSvg } from '../../lib/book/png';
import { createModel, type PixelcnnMnistView } from './model';
import { specs } from './settings';

/** Eight samples and eight completions of the lower halves, from the trained PixelCNN; null without a checkpoint. */
export async function pixelcnnTrainedFigure(): Promise<{ svg: string; caption: string } | null> {
  const t = await loadTrained('pixelcnn-mnist', defaults(specs), (v, mnist) => createModel(v, mnist));
  if (!t) return null;
  const { model, manifest: m } = t;
  const n = 8;
  let samples: Float32Array;
  let completed: Float32Array;
  let originals: Float32Array;
  try {
    await model.command!('sample_start', { n });
    model.samplePixels(784);
    samples = (model.view() as PixelcnnMnistView).canvas!;
    await model.command!('complete_start', { n, hideFrom: 14 });
    model.samplePixels(784);
    const v = model.view() as PixelcnnMnistView;
    completed = v.canvas!;
    originals = v.originals!;
  } finally {
    model.dispose();
  }
  const nll = m.metrics.nll_nats;
  const bpd = m.metrics.bits_per_dim;
  const steps = m.steps.toLocaleString('en-US');
  return {
    svg:
      floatImagesSvg(samples, n, n, 3, `Eight samples of the PixelCNN after ${steps} steps`) +
      floatImagesSvg(originals, n, n, 3, 'Eight test digits') +
      floatImagesSvg(completed, n, n, 3, 'The same digits with rows 14 to 27 completed by the PixelCNN'),
    caption:
      `The PixelCNN from the book's checkpoint after ${steps} steps (default settings, seed ${m.seed}; ${m.note}), test NLL ${nll.value.toFixed(nll.digits)} nats ` +
      `(${bpd.value.toFixed(bpd.digits)} bits/dim). Top: eight samples drawn pixel by pixel; then eight test digits and their lower halves completed by the model. ` +
      `With JavaScript the PixelCNN trains live, from scratch or from this checkpoint (Load trained).`,
  };
}
