/**
 * Build-time static figure for `gan-2d`: the same model code, a short run on tfjs (WASM backend
 * in Node), drawn as an SVG scatter of real points and fakes.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defaults } from '../params';
import { configureWasm, pickBackend, tf } from '../tf-backend';
import { lineChartSvg } from '../svg';
import { createGan2d, gan2dSpecsFor } from './gan2d';
import { EXTENT } from './gan2d-data';

export const FALLBACK_STEPS = 100;
const cache = new Map<string, { svg: string; caption: string }>();

export async function gan2dFallbackSvg(preset: string): Promise<{ svg: string; caption: string }> {
  const hit = cache.get(preset);
  if (hit) return hit;
  if (tf.getBackend() !== 'wasm') {
    // Build time runs in Node: the WASM backend reads its binary from node_modules.
    const require = createRequire(import.meta.url);
    configureWasm(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
    await pickBackend(['wasm', 'cpu']);
  }
  const values = defaults(gan2dSpecsFor(preset));
  const model = createGan2d(values);
  for (let i = 0; i < FALLBACK_STEPS; i++) model.step();
  const series = [
    { x: [] as number[], y: [] as number[], label: 'real', color: 'var(--series-3)', kind: 'points' as const },
  ];
  const v = model.view() as { real: Float32Array; cores: { fake: Float32Array; loss: string }[] };
  for (let i = 0; i < 600; i += 2) {
    series[0].x.push(v.real[i]);
    series[0].y.push(v.real[i + 1]);
  }
  v.cores.forEach((c, k) => {
    const s = { x: [] as number[], y: [] as number[], label: `fake (${c.loss})`, color: k === 0 ? 'var(--series-2)' : 'var(--series-1)', kind: 'points' as const };
    for (let i = 0; i < 600; i += 2) {
      s.x.push(c.fake[i]);
      s.y.push(c.fake[i + 1]);
    }
    series.push(s);
  });
  const e = model.evaluate(0);
  model.dispose();
  const svg = lineChartSvg(series, {
    width: 460,
    height: 440,
    xDomain: [-EXTENT, EXTENT],
    yDomain: [-EXTENT, EXTENT],
    xLabel: 'x1',
    yLabel: 'x2',
    title: `After ${FALLBACK_STEPS} steps: ${e.modes_covered} modes covered, MMD² ${e.mmd.toFixed(4)}`,
  });
  const out = {
    svg,
    caption: `Static run of the same code with this widget's starting settings (seed ${values.seed}), ${FALLBACK_STEPS} training steps. With JavaScript the GAN trains live and every setting can be changed.`,
  };
  cache.set(preset, out);
  return out;
}
