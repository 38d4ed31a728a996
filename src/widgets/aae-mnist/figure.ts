/** Build-time static figure for `aae-mnist`, drawn from the trained checkpoint (npm run checkpoints). */
import { defaults } from '../../lib/params';
import { lineChartSvg, type Series } from '../../lib/svg';
import { loadTrained } from '../../lib/book/checkpoint-files';
import { floatImagesSvg } from '../../lib/book/png';
import { createModel, type AaeView } from './model';
import { specs } from './settings';

const COLORS = Array.from({ length: 10 }, (_, c) => `hsl(${Math.round(c * 36)}, 70%, 45%)`);

/** The AAE's codes of 500 test digits and decoded prior samples; null without a checkpoint. */
export async function aaeTrainedFigure(): Promise<{ svg: string; caption: string } | null> {
  const t = await loadTrained('aae-mnist', defaults(specs), (v, mnist) => createModel(v, mnist));
  if (!t) return null;
  const { model, manifest: m } = t;
  let v: AaeView;
  try {
    v = model.view() as AaeView;
  } finally {
    model.dispose();
  }
  const series: Series[] = COLORS.map((color, c) => ({ x: [] as number[], y: [] as number[], label: String(c), color, kind: 'points' as const }));
  for (let i = 0; i < v.testLabels.length; i++) {
    (series[v.testLabels[i]].x as number[]).push(v.codes[2 * i]);
    (series[v.testLabels[i]].y as number[]).push(v.codes[2 * i + 1]);
  }
  const steps = m.steps.toLocaleString('en-US');
  const scatter = lineChartSvg(series, { width: 400, height: 400, xDomain: [-v.extent, v.extent], yDomain: [-v.extent, v.extent], xLabel: 'z1', yLabel: 'z2', title: `AAE codes of 500 test digits after ${steps} steps` });
  const grid = floatImagesSvg(v.samples, v.sampleRows * v.sampleCols, v.sampleCols, 1, v.sampleCaption);
  const mmd = m.metrics.code_mmd;
  return {
    svg: scatter + grid,
    caption:
      `The adversarial autoencoder from the book's checkpoint after ${steps} steps (default settings: Gaussian prior; seed ${m.seed}; ${m.note}). ` +
      `First the codes of the first 500 test digits by class (code MMD² ${mmd.value.toFixed(mmd.digits)}), then ${v.sampleCaption.toLowerCase()}. With JavaScript the AAE trains live, from scratch or from this checkpoint (Load trained).`,
  };
}
