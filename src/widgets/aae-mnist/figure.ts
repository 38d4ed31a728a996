/** Build-time static figure for `aae-mnist`, drawn from the trained checkpoint (npm run checkpoints). */
import { lineChartSvg, pointsByClass } from '../../lib/svg';
import { trainedView } from '../../lib/book/checkpoint-files';
import { floatImagesSvg } from '../../lib/book/png';
import { createModel, type AaeView } from './model';
import * as settings from './settings';

/** The AAE's codes of 500 test digits and decoded prior samples; null without a checkpoint. */
export async function aaeTrainedFigure(): Promise<{ svg: string; caption: string } | null> {
  const t = await trainedView<AaeView>(settings, createModel);
  if (!t) return null;
  const { view: v, manifest: m } = t;
  const series = pointsByClass(v.codes, v.testLabels);
  const steps = m.steps.toLocaleString('en-US');
  const scatter = lineChartSvg(series, { width: 400, height: 400, xDomain: [-v.extent, v.extent], yDomain: [-v.extent, v.extent], xLabel: 'z1', yLabel: 'z2', title: `AAE codes of 500 test digits after ${steps} steps` });
  const grid = floatImagesSvg(v.samples, v.sampleRows * v.sampleCols, v.sampleCols, 1, v.sampleCaption);
  const mmd = m.metrics.code_mmd;
  return {
    svg: scatter + grid,
    caption:
      `The adversarial autoencoder from the book's checkpoint after ${steps} steps (default settings: Gaussian prior; seed ${m.seed}; ${m.note}). ` +
      `First the codes of the first 500 test digits by class (code MMD² ${mmd.value.toFixed(mmd.digits)}), then ${v.sampleCaption.charAt(0).toLowerCase() + v.sampleCaption.slice(1)}. With JavaScript the AAE trains live, from scratch or from this checkpoint (Load trained).`,
  };
}
