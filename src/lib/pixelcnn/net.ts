/**
 * A PixelCNN in tfjs for 28x28 binary images: masked convolutions (kernel times a constant 0/1
 * mask from ./masks.ts, applied inside the caller's tidy), one Bernoulli logit per pixel.
 *
 *   plain:  h1 = conv_A(x);  h_l = h_{l-1} + conv_B(elu(h_{l-1}))            (l = 2..L)
 *   gated:  v1 = conv_V(x),  h1 = gate(conv_HA(x) + W shiftDown(v1))
 *           v_l = conv_V(gate(v_{l-1})),  h_l = h_{l-1} + U gate(conv_HB(h_{l-1}) + W shiftDown(v_l))
 *   head:   logit = w2 . elu(W1 elu(h_L) + b1) + b2       (1x1 convolutions)
 * with gate(a) = tanh(a_1) * sigmoid(a_2) over the two halves of the channels. The wiring is the
 * one `influenceSet` in ./masks.ts walks backwards.
 */
import { tf } from '../tf-backend';
import { Rng } from '../rng';
import { spatialMask, type Layout, type MaskKind } from './masks';
import { fastMatMul } from '../nn/mlp';

export interface NetConfig {
  layout: Layout;
  layers: number;
  channels: number;
  firstKernel: number;
  kernel: number;
  /** Initial bias of the output logit (log-odds of the mean pixel). */
  outBias?: number;
}

let counter = 0;
const uid = () => (counter++).toString(36);

interface Conv {
  w: tf.Variable;
  b: tf.Variable;
  mask: tf.Tensor | null;
  k: number;
}

export class PixelCnnNet {
  readonly cfg: NetConfig;
  private convs = new Map<string, Conv>();
  private frozen: Map<string, { w: tf.Tensor; b: tf.Tensor }> | null = null;

  constructor(cfg: NetConfig, rng: Rng) {
    this.cfg = cfg;
    tf.tidy(() => this.build(rng));
  }

  private build(rng: Rng) {
    const cfg = this.cfg;
    const { layout, layers, channels: C, firstKernel: k1, kernel: k } = cfg;
    if (!Number.isInteger(layers) || layers < 1) throw new Error('a PixelCNN needs at least one masked layer');
    if (!Number.isInteger(C) || C < 1) throw new Error('channels must be a positive whole number');
    if (layout === 'plain') {
      this.add('l1', 'A', k1, 1, C, rng);
      for (let l = 2; l <= layers; l++) this.add(`l${l}`, 'B', k, C, C, rng, 0.5);
    } else {
      this.add('v1', 'V', k1, 1, 2 * C, rng);
      this.add('h1', 'HA', k1, 1, 2 * C, rng);
      this.add('vh1', null, 1, 2 * C, 2 * C, rng);
      for (let l = 2; l <= layers; l++) {
        this.add(`v${l}`, 'V', k, C, 2 * C, rng);
        this.add(`h${l}`, 'HB', k, C, 2 * C, rng);
        this.add(`vh${l}`, null, 1, 2 * C, 2 * C, rng);
        this.add(`hr${l}`, null, 1, C, C, rng, 0.5);
      }
    }
    this.add('o1', null, 1, C, C, rng);
    this.add('o2', null, 1, C, 1, rng);
    if (cfg.outBias !== undefined) this.convs.get('o2')!.b.assign(tf.fill([1], cfg.outBias));
  }

  private add(name: string, kind: MaskKind | null, k: number, cin: number, cout: number, rng: Rng, gain = 1) {
    const mask = kind ? spatialMask(kind, k) : null;
    const live = mask ? mask.reduce((s, v) => s + v, 0) : 1;
    // He-style uniform init scaled by the number of live taps (masked taps do not count).
    const limit = gain * Math.sqrt(6 / (live * cin + cout));
    const n = k * k * cin * cout;
    const w = new Float32Array(n);
    for (let i = 0; i < n; i++) w[i] = (2 * rng.next() - 1) * limit;
    this.convs.set(name, {
      w: tf.variable(tf.tensor4d(w, [k, k, cin, cout]), true, `pcnn_${name}_w_${uid()}`),
      b: tf.variable(tf.zeros([cout]), true, `pcnn_${name}_b_${uid()}`),
      mask: mask ? tf.keep(tf.tensor4d(Float32Array.from(mask), [k, k, 1, 1])) : null,
      k,
    });
  }

  /** `inputGrad = false`: the backward pass returns zeros for x (x is the image, not trained). */
  private conv(name: string, x: tf.Tensor4D, inputGrad = true): tf.Tensor4D {
    const c = this.convs.get(name)!;
    if (c.k === 1) {
      // 1x1 convolution: a matrix product over channels.
      const [b, h, w, cin] = x.shape;
      const cout = c.w.shape[3] as number;
      // fastMatMul: tf.matMul's own gradient (transposeA/B flags) is slow on WASM.
      const y = fastMatMul(tf.reshape(x, [b * h * w, cin]) as tf.Tensor2D, tf.reshape(c.w, [cin, cout]) as tf.Tensor2D);
      return tf.add(tf.reshape(y, [b, h, w, cout]), c.b);
    }
    const w = c.mask ? tf.mul(c.w, c.mask) : c.w;
    return tf.add((inputGrad ? conv2dSame : conv2dSameDataInput)(x, w as tf.Tensor4D), c.b);
  }

  /**
   * Logits [B, H, W, 1] for binary images x [B, H, W, 1]. Call inside tf.tidy. With
   * `inputGrad = false` the gradient with respect to x is zeros (it skips the first layers'
   * input gradient, which training does not need); keep the default to differentiate in x.
   */
  logits(x: tf.Tensor4D, inputGrad = true): tf.Tensor4D {
    const { layout, layers } = this.cfg;
    let h: tf.Tensor4D;
    if (layout === 'plain') {
      h = this.conv('l1', x, inputGrad);
      for (let l = 2; l <= layers; l++) h = tf.add(h, this.conv(`l${l}`, tf.elu(h))) as tf.Tensor4D;
    } else {
      let vPre = this.conv('v1', x, inputGrad);
      h = gate(tf.add(this.conv('h1', x, inputGrad), this.conv('vh1', shiftDown(vPre))) as tf.Tensor4D);
      for (let l = 2; l <= layers; l++) {
        vPre = this.conv(`v${l}`, gate(vPre));
        const g = gate(tf.add(this.conv(`h${l}`, h), this.conv(`vh${l}`, shiftDown(vPre))) as tf.Tensor4D);
        h = tf.add(h, this.conv(`hr${l}`, g)) as tf.Tensor4D;
      }
    }
    return this.conv('o2', tf.elu(this.conv('o1', tf.elu(h)))) as tf.Tensor4D;
  }

  /** Negative log-likelihood in nats per image (mean over the batch). Call inside tf.tidy. */
  nll(x: tf.Tensor4D, inputGrad = true): tf.Scalar {
    return bernoulliNll(this.logits(x, inputGrad), x);
  }

  variables(): tf.Variable[] {
    const out: tf.Variable[] = [];
    for (const c of this.convs.values()) out.push(c.w, c.b);
    return out;
  }

  parameterCount(): number {
    // Masked-out taps are not parameters in any useful sense: count live taps only.
    let n = 0;
    for (const c of this.convs.values()) {
      const [k, , cin, cout] = c.w.shape;
      const live = c.mask ? (c.mask.dataSync() as Float32Array).reduce((s, v) => s + v, 0) : k * k;
      n += live * cin * cout + cout;
    }
    return n;
  }

  /**
   * Logits for sampling (no gradients). The masked kernels are computed once and kept until the
   * weights change (`releaseInference()`, which `setWeights` and `dispose` call): tfjs-wasm caches
   * a convolution's packed weights by the kernel tensor, so a new masked kernel on every pass costs
   * a re-pack per layer per pixel. Bias additions are fused into the convolutions. Call inside
   * tf.tidy; the caller releases after a training step.
   */
  inferenceLogits(x: tf.Tensor4D): tf.Tensor4D {
    if (!this.frozen) {
      this.frozen = new Map();
      for (const [name, c] of this.convs) {
        const cout = c.w.shape[3] as number;
        const w = tf.tidy(() => (c.k === 1 ? tf.reshape(c.w, [c.w.shape[2] as number, cout]) : c.mask ? tf.mul(c.w, c.mask) : tf.clone(c.w)));
        this.frozen.set(name, { w: tf.keep(w), b: tf.keep(tf.clone(c.b)) });
      }
    }
    const f = this.frozen;
    const conv = (name: string, h: tf.Tensor4D, activation: 'linear' | 'elu' = 'linear'): tf.Tensor4D => {
      const { w, b } = f.get(name)!;
      if (w.rank === 2) {
        const [n, hh, ww, cin] = h.shape;
        const y = tf.fused.matMul({ a: tf.reshape(h, [n * hh * ww, cin]), b: w as tf.Tensor2D, bias: b, activation });
        return tf.reshape(y, [n, hh, ww, w.shape[1] as number]);
      }
      return tf.fused.conv2d({ x: h, filter: w as tf.Tensor4D, strides: 1, pad: 'same', bias: b, activation });
    };
    const { layout, layers } = this.cfg;
    let h: tf.Tensor4D;
    if (layout === 'plain') {
      h = conv('l1', x);
      for (let l = 2; l <= layers; l++) h = tf.add(h, conv(`l${l}`, tf.elu(h))) as tf.Tensor4D;
    } else {
      let vPre = conv('v1', x);
      h = gate(tf.add(conv('h1', x), conv('vh1', shiftDown(vPre))) as tf.Tensor4D);
      for (let l = 2; l <= layers; l++) {
        vPre = conv(`v${l}`, gate(vPre));
        const g = gate(tf.add(conv(`h${l}`, h), conv(`vh${l}`, shiftDown(vPre))) as tf.Tensor4D);
        h = tf.add(h, conv(`hr${l}`, g)) as tf.Tensor4D;
      }
    }
    return conv('o2', conv('o1', tf.elu(h), 'elu'));
  }

  /** Frees the kernels kept by inferenceLogits (call after the weights change). */
  releaseInference() {
    if (!this.frozen) return;
    for (const { w, b } of this.frozen.values()) tf.dispose([w, b]);
    this.frozen = null;
  }

  getWeights(): Float32Array[] {
    return this.variables().map((v) => v.dataSync() as Float32Array);
  }

  setWeights(ws: Float32Array[]) {
    const vs = this.variables();
    if (ws.length !== vs.length) throw new Error(`expected ${vs.length} weight arrays, got ${ws.length}`);
    this.releaseInference();
    tf.tidy(() => vs.forEach((v, i) => v.assign(tf.tensor(ws[i], v.shape))));
  }

  dispose() {
    this.releaseInference();
    for (const c of this.convs.values()) {
      c.w.dispose();
      c.b.dispose();
      c.mask?.dispose();
    }
    this.convs.clear();
  }
}

/**
 * Stride-1 'same' convolution with an odd kernel, with hand-written gradients made of forward
 * convolutions only. The WASM backend has a fast forward convolution but no kernel for the
 * filter gradient (Conv2DBackpropFilter) and a slow input gradient, so:
 *   dx = conv(dy, kernel rotated by 180 degrees with in/out channels swapped)   ('same')
 *   dW[i, j, ci, co] = sum over b, h, w of xpad[b, h+i, w+j, ci] dy[b, h, w, co]
 *      = a 'valid' convolution of xpad (channels as batch) with dy (batch as channels).
 * The gradient with respect to the unmasked kernel then flows through tf.mul(w, mask).
 */
export const conv2dSame = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = inputs as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
  const y = tf.conv2d(x, w, 1, 'same');
  save([x, w]);
  return {
    value: y,
    gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
      const [sx, sw] = saved as tf.Tensor4D[];
      const k = sw.shape[0];
      const wFlip = tf.transpose(tf.reverse(sw, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
      const dx = tf.conv2d(dy as tf.Tensor4D, wFlip, 1, 'same');
      return [dx, conv2dSameFilterGrad(sx, dy, k)];
    },
  };
}) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;

/** dL/dW of a stride-1 'same' convolution with an odd k x k kernel (see conv2dSame). */
function conv2dSameFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, k: number): tf.Tensor4D {
  const r = (k - 1) / 2;
  const xp = tf.pad(x, [
    [0, 0],
    [r, r],
    [r, r],
    [0, 0],
  ]);
  const dwT = tf.conv2d(tf.transpose(xp, [3, 1, 2, 0]) as tf.Tensor4D, tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D, 1, 'valid');
  return tf.transpose(dwT, [1, 2, 0, 3]);
}

/**
 * conv2dSame for a first layer whose input is the image: the backward pass returns zeros for x
 * (the input gradient of a 7x7 layer with one output channel is slow on WASM, and unused).
 */
export const conv2dSameDataInput = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = inputs as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.conv2d(x, w, 1, 'same'),
    gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
      const [sx, sw] = saved as tf.Tensor4D[];
      return [tf.zerosLike(sx), conv2dSameFilterGrad(sx, dy, sw.shape[0])];
    },
  };
}) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;

/** tanh(first half) * sigmoid(second half) along channels. */
function gate(a: tf.Tensor4D): tf.Tensor4D {
  const [p, q] = tf.split(a, 2, 3);
  return tf.mul(tf.tanh(p), tf.sigmoid(q)) as tf.Tensor4D;
}

/** Moves a feature map one row down (row r receives row r - 1; row 0 receives zeros). */
export function shiftDown(x: tf.Tensor4D): tf.Tensor4D {
  const [b, hgt, w, c] = x.shape;
  return tf.concat([tf.zeros([b, 1, w, c]), tf.slice(x, [0, 0, 0, 0], [b, hgt - 1, w, c])], 1) as tf.Tensor4D;
}

/** Sum over pixels of the Bernoulli NLL, mean over the batch, written stably in the logits. */
export function bernoulliNll(z: tf.Tensor4D, x: tf.Tensor4D): tf.Scalar {
  const perPixel = tf.add(tf.sub(tf.relu(z), tf.mul(z, x)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
  return tf.div(tf.sum(perPixel), x.shape[0]) as tf.Scalar;
}
