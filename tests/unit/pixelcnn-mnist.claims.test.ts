import { describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { createModel as createPixelcnnMnist, specs as pixelcnnMnistSpecs, D, LN2, type PixelcnnMnistView } from '../../src/widgets/pixelcnn-mnist/model';
import { defaults, parseValue } from '../../src/lib/params';
import { Rng } from '../../src/lib/rng';

const tiny = { channels: 4, layers: 2, first_kernel: '3', batch: 2, samples: 2 };

/** Share of "on" pixels with at least two "on" neighbours (8-neighbourhood): strokes, not dust. */
export function strokeScore(img: Float32Array, n: number): { on: number; connected: number } {
  let on = 0;
  let conn = 0;
  for (let k = 0; k < n; k++) {
    for (let r = 0; r < 28; r++) {
      for (let c = 0; c < 28; c++) {
        if (!img[k * D + r * 28 + c]) continue;
        on++;
        let nb = 0;
        for (let dr = -1; dr <= 1; dr++)
          for (let dc = -1; dc <= 1; dc++) {
            if (!dr && !dc) continue;
            const rr = r + dr;
            const cc = c + dc;
            if (rr >= 0 && rr < 28 && cc >= 0 && cc < 28 && img[k * D + rr * 28 + cc]) nb++;
          }
        if (nb >= 2) conn++;
      }
    }
  }
  return { on: on / (n * D), connected: on ? conn / on : 0 };
}

describe('pixelcnn-mnist', () => {
  it('rejects bad learning rates and sizes', () => {
    const lr = pixelcnnMnistSpecs.find((s) => s.name === 'lr')!;
    for (const bad of ['0', '-1', '1e9', 'abc', '']) expect(parseValue(lr, bad).ok).toBe(false);
    expect(parseValue(lr, '0.001').ok).toBe(true);
    const ch = pixelcnnMnistSpecs.find((s) => s.name === 'channels')!;
    for (const bad of ['0', '1.5', '1000']) expect(parseValue(ch, bad).ok).toBe(false);
  });

  it('the network on rows 0..r gives the same logits for row r as on the whole image', async () => {
    await startTf();
    const data = await mnistNode();
    const m = createPixelcnnMnist({ ...defaults(pixelcnnMnistSpecs), ...tiny, layers: 3 }, data);
    const rng = new Rng(4);
    const x = Float32Array.from({ length: 2 * D }, () => (rng.next() < 0.2 ? 1 : 0));
    tf.tidy(() => {
      const full = m.net.logits(tf.tensor4d(x, [2, 28, 28, 1]));
      for (const r of [0, 5, 13, 27]) {
        const crop = m.net.logits(tf.tensor4d(x, [2, 28, 28, 1]).slice([0, 0, 0, 0], [2, r + 1, 28, 1]) as tf.Tensor4D);
        const a = tf.slice(full, [0, r, 0, 0], [2, 1, 28, 1]).dataSync();
        const b = tf.slice(crop, [0, r, 0, 0], [2, 1, 28, 1]).dataSync();
        for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 4);
      }
    });
    m.dispose();
  });

  it('tensor count stays flat over two test evaluations (51 steps), sampling and completion (tiny network)', async () => {
    await startTf();
    const data = await mnistNode();
    const before = tf.memory().numTensors;
    for (const layout of ['plain', 'gated']) {
      const m = createPixelcnnMnist({ ...defaults(pixelcnnMnistSpecs), ...tiny, layout }, data);
      m.step();
      const n0 = tf.memory().numTensors;
      const steps = 51;
      for (let i = 0; i < steps; i++) m.step();
      expect(tf.memory().numTensors).toBe(n0);
      m.command!('sample_start', { n: 2 });
      let r = m.command!('sample_step', { pixels: 100 }) as { cursor: number; done: boolean };
      expect(r).toMatchObject({ cursor: 100, done: false });
      const v = m.view() as PixelcnnMnistView;
      // Nothing at or after the cursor has been drawn yet.
      for (let k = 0; k < 2; k++) for (let i = 100; i < D; i++) expect(v.canvas![k * D + i]).toBe(0);
      while (!r.done) r = m.command!('sample_step', { pixels: 200 }) as { cursor: number; done: boolean };
      expect(r.cursor).toBe(D);
      expect(m.metrics().sample_ms).toBeGreaterThan(0);
      m.command!('complete_start', { n: 2, hideFrom: 14, offset: 3 });
      while (!(m.command!('sample_step', { pixels: 392 }) as { done: boolean }).done);
      const c = m.view() as PixelcnnMnistView;
      expect(c.start).toBe(14 * 28);
      for (let k = 0; k < 2; k++) for (let i = 0; i < c.start; i++) expect(c.canvas![k * D + i]).toBe(c.originals![k * D + i]);
      expect(tf.memory().numTensors).toBe(n0);
      expect(() => m.command!('complete_start', { hideFrom: 0 })).toThrow(/between 1 and 27/);
      expect(() => m.command!('nonsense', {})).toThrow(/unknown command/);
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 900_000);

  it('default settings, seed 1: test NLL below 81 nats after 200 steps, and samples are strokes', async () => {
    await startTf();
    const data = await mnistNode();
    const m = createPixelcnnMnist(defaults(pixelcnnMnistSpecs), data);
    const start = Number(m.metrics().nll_nats);
    expect(start).toBeGreaterThan(240);
    expect(start).toBeLessThan(280);
    for (let i = 0; i < 200; i++) m.step();
    const met = m.metrics();
    expect(Number(met.nll_nats)).toBeLessThan(81);
    expect(Number(met.bits_per_dim)).toBeCloseTo(Number(met.nll_nats) / (D * LN2), 10);
    expect(Number(met.bits_per_dim)).toBeLessThan(0.15);
    m.command!('sample_start', { n: 4 });
    m.samplePixels(D);
    const v = m.view() as PixelcnnMnistView;
    const s = strokeScore(v.canvas!, 4);
    expect(s.on).toBeGreaterThan(0.04);
    expect(s.on).toBeLessThan(0.35);
    expect(s.connected).toBeGreaterThan(0.75);
    m.dispose();
  }, 900_000);
});
