/**
 * pixelcnn-mnist's sampler runs the network on the window of pixels that can influence the
 * current one. These tests check that each sampled pixel is drawn from the full network's
 * conditional with the sampler's own random numbers in the original order (pixel by pixel, the
 * images in turn), so a seed gives the digits it gave when the whole image was run.
 */
import { describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { createModel, specs, D, type PixelcnnMnistView } from '../../src/widgets/pixelcnn-mnist/model';
import { defaults, type Values } from '../../src/lib/params';
import { Rng } from '../../src/lib/rng';

/** P(x = 1) at every pixel of every image from one pass of the full network: by the masks, each
 * pixel's logit reads only pixels before it, so on the finished canvas these are the conditionals
 * the sampler saw. */
function fullConditionals(model: ReturnType<typeof createModel>, canvas: Float32Array, n: number): Float32Array {
  return tf.tidy(() => tf.sigmoid(model.net.logits(tf.tensor4d(canvas, [n, 28, 28, 1]))).dataSync() as Float32Array);
}

async function check(values: Values, mode: 'sample' | 'complete') {
  await startTf();
  const data = await mnistNode();
  const v = { ...defaults(specs), ...values };
  const model = createModel(v, data);
  for (let i = 0; i < 3; i++) model.step();
  const start = mode === 'sample' ? (model.command!('sample_start', {}) as { n: number }) : (model.command!('complete_start', { hideFrom: 14 }) as { n: number });
  const t0 = performance.now();
  let res = { done: false };
  while (!res.done) res = model.command!('sample_step', { pixels: 100 }) as { done: boolean };
  const ms = performance.now() - t0;
  const view = model.view() as PixelcnnMnistView;
  const n = start.n;
  const canvas = view.canvas!;
  const p = fullConditionals(model, canvas, n);
  // The sampler's generator: the second fork of the seed's generator (createModel's order).
  const rng = new Rng(Number(v.seed));
  rng.fork();
  const sampleRng = rng.fork();
  let mismatches = 0;
  let ties = 0;
  let on = 0;
  for (let px = view.start; px < D; px++) {
    for (let k = 0; k < n; k++) {
      const u = sampleRng.next();
      const expected = u < p[k * D + px] ? 1 : 0;
      if (canvas[k * D + px] !== expected) {
        // A draw within float32 rounding of the probability may fall either way.
        if (Math.abs(u - p[k * D + px]) < 1e-5) ties++;
        else mismatches++;
      }
      on += canvas[k * D + px];
    }
  }
  model.dispose();
  return { mismatches, ties, on, total: n * (D - view.start), ms, n };
}

describe('pixelcnn-mnist sampling on the receptive-field window', () => {
  it('draws each pixel from the full network\'s conditional, in the original random order (default net, 8 digits)', async () => {
    const r = await check({}, 'sample');
    console.log(`pixelcnn-mnist: sampled ${r.n} digits in ${r.ms.toFixed(0)} ms (Node, WASM); ${r.ties} ties`);
    expect(r.n).toBe(8);
    expect(r.mismatches).toBe(0);
    expect(r.ties).toBeLessThanOrEqual(2);
    // Not a blank or saturated canvas (the check above would then be weak).
    expect(r.on / r.total).toBeGreaterThan(0.02);
    expect(r.on / r.total).toBeLessThan(0.6);
  });

  it('the same for completion and for the gated two-stack net', async () => {
    const a = await check({ channels: 4 }, 'complete');
    expect(a.mismatches).toBe(0);
    const b = await check({ channels: 4, layout: 'gated', layers: 3, first_kernel: '5', samples: 3 }, 'sample');
    expect(b.mismatches).toBe(0);
    expect(b.n).toBe(3);
  });

  it('the window gives the full network\'s logits at every pixel, borders included', async () => {
    await startTf();
    const data = await mnistNode();
    for (const layout of ['plain', 'gated']) {
      const model = createModel({ ...defaults(specs), channels: 4, layout, samples: 2 }, data);
      // Complete two test digits (a canvas with real strokes above row 10), then compare the
      // window's probabilities with the full net's on that canvas at corners, borders and inside.
      model.command!('complete_start', { hideFrom: 10 });
      model.command!('sample_step', { pixels: D });
      const own = (model.view() as PixelcnnMnistView).canvas!;
      const fullOwn = fullConditionals(model, own, 2);
      let worst = 0;
      for (const [r, c] of [[0, 0], [0, 27], [5, 3], [13, 14], [27, 0], [27, 27], [20, 26], [6, 6]]) {
        const w = model.pixelProbs(r, c);
        for (let k = 0; k < 2; k++) worst = Math.max(worst, Math.abs(w[k] - fullOwn[k * D + r * 28 + c]));
      }
      expect(worst).toBeLessThan(1e-5);
      model.dispose();
    }
  });
});
