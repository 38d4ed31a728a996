/**
 * Build-time static figure for `gan-2d`: the same model code, a short run on tfjs (WASM backend
 * in Node), drawn as an SVG scatter of real points and fakes.
 */
import { defaults } from '../../lib/params';
import { buildBackend } from '../../lib/book/tf-build';
import { readCheckpoint } from '../../lib/book/checkpoint-files';
import { lineChartSvg } from '../../lib/svg';
import { createModel as createGan2d, gan2dSpecsFor } from './model';
import { EXTENT, modeStats } from './data';

export const FALLBACK_STEPS = 40;
const cache = new Map<string, { svg: string; caption: string }>();

export async function gan2dFallbackSvg(preset: string): Promise<{ svg: string; caption: string }> {
  const hit = cache.get(preset);
  if (hit) return hit;
  await buildBackend();
  const values = defaults(gan2dSpecsFor(preset));
  const model = createGan2d(values);
  // The default preset is drawn from the trained checkpoint (npm run checkpoints) when there is one.
  const ck = preset === 'default' ? readCheckpoint('gan-2d') : null;
  const steps = ck ? ck.manifest.steps : FALLBACK_STEPS;
  if (ck) model.load(ck.weights, ck.manifest.steps);
  else for (let i = 0; i < FALLBACK_STEPS; i++) model.step();
  const series = [
    { x: [] as number[], y: [] as number[], label: 'real', color: 'var(--series-3)', kind: 'points' as const },
  ];
  const real = model.realEval;
  for (let i = 0; i < 600; i += 2) {
    series[0].x.push(real[i]);
    series[0].y.push(real[i + 1]);
  }
  const stats: string[] = [];
  model.cores.forEach((c, k) => {
    const fake = c.evalFakes();
    const s = { x: [] as number[], y: [] as number[], label: `fake (${c.loss})`, color: k === 0 ? 'var(--series-2)' : 'var(--series-1)', kind: 'points' as const };
    for (let i = 0; i < 600; i += 2) {
      s.x.push(fake[i]);
      s.y.push(fake[i + 1]);
    }
    series.push(s);
    // mode statistics only (the MMD over 2,500 x 2,500 pairs is left to the live widget)
    const st = modeStats(fake, model.target.modes, model.target.sigma);
    stats.push(`${c.loss}: ${st.modesCovered} of ${model.target.modes.length / 2} modes covered`);
  });
  model.dispose();
  const svg = lineChartSvg(series, {
    width: 460,
    height: 440,
    xDomain: [-EXTENT, EXTENT],
    yDomain: [-EXTENT, EXTENT],
    xLabel: 'x1',
    yLabel: 'x2',
    title: `After ${steps.toLocaleString('en-US')} steps: ${stats.join('; ')}`,
  });
  const mt = ck?.manifest.metrics;
  const out = {
    svg,
    caption: ck
      ? `The generator from the book's checkpoint: ${steps.toLocaleString('en-US')} steps with the default settings (seed ${values.seed}; ${ck.manifest.note}), ` +
        `${mt!.modes_covered.value} of 8 modes covered, ${mt!.high_quality.value.toFixed(1)}% of 2,500 samples of high quality, MMD² ${mt!.mmd.value.toFixed(mt!.mmd.digits)}. ` +
        `With JavaScript the GAN trains live, from scratch or from this checkpoint (Load trained), and every setting can be changed.`
      : `Static run of the same code with this widget's starting settings (seed ${values.seed}), ${FALLBACK_STEPS} training steps. With JavaScript the GAN trains live and every setting can be changed.`,
  };
  cache.set(preset, out);
  return out;
}
