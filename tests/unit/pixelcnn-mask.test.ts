import { describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { PixelCnnNet } from '../../src/lib/pixelcnn/net';
import { influenceSet, influenceStats, spatialMask, type Arch } from '../../src/lib/pixelcnn/masks';
import { Rng } from '../../src/lib/rng';

const S = 28;

/** Input pixels with a non-zero gradient of the logit at (r, c): the set the network really uses. */
function gradientSet(net: PixelCnnNet, x: tf.Tensor4D, r: number, c: number): Uint8Array {
  const g = tf.tidy(() => tf.grad((inp: tf.Tensor) => tf.slice(net.logits(inp as tf.Tensor4D), [0, r, c, 0], [1, 1, 1, 1]).sum())(x));
  const d = g.dataSync();
  g.dispose();
  return Uint8Array.from(d, (v) => (v !== 0 ? 1 : 0));
}

function randomInput(seed: number): tf.Tensor4D {
  const rng = new Rng(seed);
  return tf.tensor4d(Float32Array.from({ length: S * S }, () => rng.next()), [1, S, S, 1]);
}

describe('PixelCNN masks', () => {
  it('mask A hides the centre and everything after it; mask B adds only the centre', () => {
    const a = spatialMask('A', 3);
    const b = spatialMask('B', 3);
    expect(Array.from(a)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(b)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(Array.from(spatialMask('V', 3))).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(Array.from(spatialMask('HA', 3))).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(spatialMask('HB', 3))).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(() => spatialMask('A', 4)).toThrow(/odd/);
  });

  it('the plain stack has a blind spot that the two-stack layout removes', () => {
    const plain: Arch = { layout: 'plain', layers: 5, firstKernel: 3, kernel: 3 };
    const gated: Arch = { ...plain, layout: 'gated' };
    const p = influenceStats(plain, 14, 14);
    const g = influenceStats(gated, 14, 14);
    expect(p.futureCount).toBe(0);
    expect(g.futureCount).toBe(0);
    expect(p.blindCount).toBeGreaterThan(0);
    // Pixel (13, 18) is up and to the right, within reach of 5 layers of radius 1: blind in plain.
    expect(p.influence[13 * S + 18]).toBe(0);
    expect(g.influence[13 * S + 18]).toBe(1);
    expect(g.blindCount).toBe(0);
    // The blind spot with one layer is empty; it appears from two layers on and grows.
    expect(influenceStats({ ...plain, layers: 1 }, 14, 14).blindCount).toBe(0);
    const blind = [2, 3, 4, 5].map((L) => influenceStats({ ...plain, layers: L }, 14, 14).blindCount);
    for (let i = 1; i < blind.length; i++) expect(blind[i]).toBeGreaterThan(blind[i - 1]);
    expect(blind[0]).toBeGreaterThan(0);
  });
});

describe('PixelCNN causality (gradients of the real network)', () => {
  const pixels: [number, number][] = [
    [0, 0],
    [0, 5],
    [3, 27],
    [10, 14],
    [14, 0],
    [20, 21],
    [27, 27],
  ];
  const archs: (Arch & { channels: number })[] = [
    { layout: 'plain', layers: 1, firstKernel: 7, kernel: 3, channels: 4 },
    { layout: 'plain', layers: 4, firstKernel: 7, kernel: 3, channels: 4 },
    { layout: 'plain', layers: 3, firstKernel: 3, kernel: 5, channels: 3 },
    { layout: 'gated', layers: 1, firstKernel: 3, kernel: 3, channels: 3 },
    { layout: 'gated', layers: 4, firstKernel: 7, kernel: 3, channels: 3 },
  ];

  for (const a of archs) {
    it(`${a.layout}, ${a.layers} layers, ${a.firstKernel}x${a.firstKernel} then ${a.kernel}x${a.kernel}: zero gradient on and after pixel i, and the explorer's set equals the gradient's`, async () => {
      await startTf();
      const before = tf.memory().numTensors;
      const net = new PixelCnnNet({ ...a }, new Rng(11));
      const x = randomInput(5);
      for (const [r, c] of pixels) {
        const g = gradientSet(net, x, r, c);
        const i = r * S + c;
        for (let j = i; j < S * S; j++) expect(g[j], `pixel ${j} after ${i}`).toBe(0);
        const inf = influenceSet(a, r, c);
        expect(Array.from(inf)).toEqual(Array.from(g));
      }
      x.dispose();
      net.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('pixelcnn-mask widget model (numbers quoted in the chapter)', async () => {
  const { createModel: createPixelcnnMask, specs: pixelcnnMaskSpecs } = await import('../../src/widgets/pixelcnn-mask/model');
  const { defaults, parseValue } = await import('../../src/lib/params');
  const base = defaults(pixelcnnMaskSpecs);

  it('5 layers of 3x3 at (14, 14): plain sees 50 and misses 10; gated misses none', () => {
    const p = createPixelcnnMask(base).metrics();
    expect(p).toMatchObject({ depth: 5, influence_pixels: 50, blind_spot: 10, future_pixels: 0 });
    const g = createPixelcnnMask({ ...base, layout: 'gated' }).metrics();
    expect(g.blind_spot).toBe(0);
    expect(g.future_pixels).toBe(0);
    expect(Number(g.influence_pixels)).toBeGreaterThan(50);
  });

  it('blind spot of L layers of 3x3 is L(L-1)/2, and a 7x7 first layer does not shrink it', () => {
    for (let L = 1; L <= 8; L++) {
      expect(createPixelcnnMask({ ...base, layers: L }).metrics().blind_spot).toBe((L * (L - 1)) / 2);
      expect(createPixelcnnMask({ ...base, layers: L, first_kernel: '7' }).metrics().blind_spot).toBe((L * (L - 1)) / 2);
    }
  });

  it('the gated stack reaches one row higher than the plain one', () => {
    const rows = (layout: string) => {
      const v = createPixelcnnMask({ ...base, layout }).view() as { influence: Uint8Array };
      let top = 28;
      v.influence.forEach((on, i) => {
        if (on) top = Math.min(top, Math.floor(i / 28));
      });
      return top;
    };
    expect(rows('plain')).toBe(9);
    expect(rows('gated')).toBe(8);
  });

  it('pixel (0, 0) sees nothing; steps cycle the depth; bad selections are refused', () => {
    const m = createPixelcnnMask(base);
    m.command!('select', { row: 0, col: 0 });
    expect(m.metrics().influence_pixels).toBe(0);
    const depths = [];
    for (let i = 0; i < 6; i++) {
      m.step();
      depths.push(m.metrics().depth);
    }
    expect(depths).toEqual([1, 2, 3, 4, 5, 1]);
    expect(() => m.command!('select', { row: 28, col: 0 })).toThrow(/between 0 and 27/);
    expect(() => m.command!('select', { row: 'abc', col: 0 })).toThrow();
    const layers = pixelcnnMaskSpecs.find((s) => s.name === 'layers')!;
    for (const bad of ['0', '-1', '1e9', 'abc', '2.5']) expect(parseValue(layers, bad).ok).toBe(false);
  });
});

type Conv = (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;

/** The input gradient, filter gradient and value of a convolution on a 2x9x8 batch, against output weights gy. */
function convGrads(f: Conv, xs: Float32Array, ws: Float32Array, gy: Float32Array, [k, cin, cout]: number[]): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(xs, [2, 9, 8, cin]);
    const w = tf.tensor4d(ws, [k, k, cin, cout]);
    const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a as tf.Tensor4D, b as tf.Tensor4D), tf.tensor4d(gy, [2, 9, 8, cout]))))([x, w]);
    return [g[0].dataSync().slice(), g[1].dataSync().slice(), f(x, w).dataSync().slice()] as Float32Array[];
  });
}

describe('conv2dSame (hand-written gradients)', () => {
  it('matches tf.conv2d gradients on the cpu backend', async () => {
    await startTf();
    const { conv2dSame } = await import('../../src/lib/pixelcnn/net');
    const rng = new Rng(9);
    for (const [k, cin, cout] of [
      [3, 2, 3],
      [7, 1, 4],
      [5, 3, 2],
    ]) {
      const xs = Float32Array.from({ length: 2 * 9 * 8 * cin }, () => rng.normal());
      const ws = Float32Array.from({ length: k * k * cin * cout }, () => rng.normal());
      const gy = Float32Array.from({ length: 2 * 9 * 8 * cout }, () => rng.normal());
      const run = (f: Conv) => convGrads(f, xs, ws, gy, [k, cin, cout]);
      const mine = run(conv2dSame);
      await tf.setBackend('cpu');
      const ref = run((x, w) => tf.conv2d(x, w, 1, 'same'));
      await tf.setBackend('wasm');
      for (let t = 0; t < 3; t++) {
        expect(mine[t].length).toBe(ref[t].length);
        for (let i = 0; i < ref[t].length; i++) expect(mine[t][i]).toBeCloseTo(ref[t][i], 3);
      }
    }
  });
});

describe('conv2dSameDataInput (first layer: no input gradient)', () => {
  it('has the value and filter gradient of tf.conv2d, and zeros for the input', async () => {
    await startTf();
    const { conv2dSameDataInput } = await import('../../src/lib/pixelcnn/net');
    const rng = new Rng(11);
    for (const [k, cin, cout] of [
      [7, 1, 4],
      [3, 2, 3],
    ]) {
      const xs = Float32Array.from({ length: 2 * 9 * 8 * cin }, () => rng.normal());
      const ws = Float32Array.from({ length: k * k * cin * cout }, () => rng.normal());
      const gy = Float32Array.from({ length: 2 * 9 * 8 * cout }, () => rng.normal());
      const run = (f: Conv) => convGrads(f, xs, ws, gy, [k, cin, cout]);
      const mine = run(conv2dSameDataInput);
      await tf.setBackend('cpu');
      const ref = run((x, w) => tf.conv2d(x, w, 1, 'same'));
      await tf.setBackend('wasm');
      let maxDiff = 0;
      for (const t of [1, 2]) {
        expect(mine[t].length).toBe(ref[t].length);
        for (let i = 0; i < ref[t].length; i++) maxDiff = Math.max(maxDiff, Math.abs(mine[t][i] - ref[t][i]));
      }
      expect(maxDiff).toBeLessThan(1e-3);
      expect(mine[0].every((v) => v === 0)).toBe(true);
      expect(mine[0].length).toBe(xs.length);
    }
  });

  it('PixelCnnNet weight gradients equal those of the same net built on tf.conv2d and tf.matMul', async () => {
    await startTf();
    const { bernoulliNll } = await import('../../src/lib/pixelcnn/net');
    const net = new PixelCnnNet({ layout: 'plain', layers: 3, channels: 4, firstKernel: 5, kernel: 3 }, new Rng(5));
    const rng = new Rng(6);
    const xs = Float32Array.from({ length: 2 * 10 * 10 }, () => (rng.next() < 0.3 ? 1 : 0));
    const vars = net.variables();
    // Reference forward pass written with tfjs' own ops (their registered gradients).
    const ref = (vs: tf.Tensor[], x: tf.Tensor4D) => {
      const [w1, b1, w2, b2, w3, b3, wo1, bo1, wo2, bo2] = vs;
      const mA = tf.tensor4d(Float32Array.from(spatialMask('A', 5)), [5, 5, 1, 1]);
      const mB = tf.tensor4d(Float32Array.from(spatialMask('B', 3)), [3, 3, 1, 1]);
      const conv = (h: tf.Tensor4D, w: tf.Tensor, m: tf.Tensor, b: tf.Tensor) => tf.add(tf.conv2d(h, tf.mul(w, m) as tf.Tensor4D, 1, 'same'), b) as tf.Tensor4D;
      const one = (h: tf.Tensor4D, w: tf.Tensor, b: tf.Tensor) => {
        const [n, hh, ww, c] = h.shape;
        const co = w.shape[3] as number;
        return tf.add(tf.reshape(tf.matMul(tf.reshape(h, [n * hh * ww, c]) as tf.Tensor2D, tf.reshape(w, [c, co]) as tf.Tensor2D), [n, hh, ww, co]), b) as tf.Tensor4D;
      };
      let h = conv(x, w1, mA, b1);
      h = tf.add(h, conv(tf.elu(h), w2, mB, b2)) as tf.Tensor4D;
      h = tf.add(h, conv(tf.elu(h), w3, mB, b3)) as tf.Tensor4D;
      return bernoulliNll(one(tf.elu(one(tf.elu(h), wo1, bo1)), wo2, bo2), x);
    };
    // The training path: no input gradient for the first layer, fastMatMul for the 1x1 head.
    const mine = tf.tidy(() => {
      const g = tf.variableGrads(() => net.nll(tf.tensor4d(xs, [2, 10, 10, 1]), false), vars).grads;
      return vars.map((v) => g[v.name].dataSync().slice());
    });
    await tf.setBackend('cpu'); // tf.conv2d's filter gradient has no WASM kernel
    const theirs = tf.tidy(() => tf.grads((...vs: tf.Tensor[]) => ref(vs, tf.tensor4d(xs, [2, 10, 10, 1])))(vars.map((v) => tf.tensor(v.dataSync(), v.shape))).map((g) => g.dataSync().slice()));
    await tf.setBackend('wasm');
    let maxDiff = 0;
    let scale = 0;
    mine.forEach((g, i) => g.forEach((v, j) => ((maxDiff = Math.max(maxDiff, Math.abs(v - theirs[i][j]))), (scale = Math.max(scale, Math.abs(theirs[i][j]))))));
    expect(scale).toBeGreaterThan(0.1);
    expect(maxDiff).toBeLessThan(1e-3 * scale);
    net.dispose();
  });
});
