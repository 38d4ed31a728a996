/**
 * Chapter 5's `js-saturation` widget: the generated distribution N(offset, s^2) slides away from
 * the data N(0, s^2). At each offset a small discriminator (tfjs MLP, sigmoid output) trains for
 * a fixed number of steps, warm-started from the previous offset; then the widget records the JS
 * divergence (quadrature), KL and W1 (closed forms for equal widths), and the gradient the trained
 * D gives the generator's offset under the minimax loss E log(1 - D(z + offset)), beside the same
 * gradient for the optimal D and the non-saturating loss's gradient.
 */
import { tf } from '../../lib/tf-backend';
import type { ParamSpec, Values } from '../../lib/params';
import { SEED_SPEC } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { MLP } from '../../lib/nn/mlp';
import { jsd } from '../../lib/density/divergences';
import { normalPdf, parseMixture } from '../../lib/density/mixture';
import { integrate, linspace } from '../../lib/density/quadrature';
import type { Model } from '../../lib/model';
import { discriminatorLoss } from '../../lib/gan/losses';

import { specs } from './settings';
export { specs };

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/**
 * d/d(offset) of E_{x ~ N(offset, s^2)} log(1 - D*(x)) with D* the optimal discriminator for the
 * current offset held fixed. Its logit a*(x) = log p_r - log p_g = (o^2 - 2 x o) / (2 s^2) has
 * slope -o / s^2, and d/dx log(1 - sigmoid(a)) = -sigmoid(a) a'(x).
 */
export function optimalMinimaxGrad(o: number, s: number): number {
  if (o === 0) return 0;
  const e = integrate((x) => normalPdf(x, o, s) * sigmoid((o * o - 2 * x * o) / (2 * s * s)), o - 10 * s, o + 10 * s, [], 2000);
  return (o / (s * s)) * e;
}

export interface JsSatRecord {
  offset: number;
  jsd: number;
  kl: number;
  w1: number;
  grad: number;
  gradNs: number;
  gradOptimal: number;
}

export interface JsSatView {
  records: JsSatRecord[];
  offset: number;
  xs: Float32Array;
  real: Float32Array;
  fake: Float32Array;
  d: Float32Array;
  s: number;
  maxOffset: number;
  done: boolean;
}

export type JsSatModel = Model & { records(): JsSatRecord[]; done(): boolean };

export function createModel(values: Values): JsSatModel {
  const s = Number(values.sigma);
  const maxOffset = Number(values.max_offset);
  const nOff = Number(values.n_offsets);
  const dSteps = Number(values.d_steps);
  const batch = Number(values.batch);
  const rng = new Rng(Number(values.seed));
  const net = new MLP(1, [{ units: 16, activation: 'tanh' }, { units: 16, activation: 'tanh' }, { units: 1, activation: 'linear' }], rng.fork(), 'disc');
  const dataRng = rng.fork();
  const opt = tf.train.adam(Number(values.lr), 0.5, 0.999);
  const scale = Math.max(1, maxOffset);
  const logit = (x: tf.Tensor2D) => net.apply(tf.div(x, scale) as tf.Tensor2D);
  // Fixed noise for measuring the generator's gradient: x = z + offset.
  const evalRng = new Rng(12345);
  const zEval = tf.tensor2d(Float32Array.from({ length: 2000 }, () => evalRng.normal(0, s)), [2000, 1]);
  const offsets = Array.from(linspace(0, maxOffset, nOff));
  let k = 0;
  let inner = 0;
  const records: JsSatRecord[] = [];
  const realM = parseMixture(`N(0, ${s})`);

  function measure(o: number): JsSatRecord {
    const [grad, gradNs] = tf.tidy(() => {
      const x = tf.add(zEval, o) as tf.Tensor2D;
      // Minimax: mean log(1 - D) = -mean softplus(a); non-saturating: mean log D = -mean softplus(-a).
      const g1 = tf.grad((u: tf.Tensor) => tf.neg(tf.mean(tf.softplus(logit(u as tf.Tensor2D)))))(x);
      const g2 = tf.grad((u: tf.Tensor) => tf.neg(tf.mean(tf.softplus(tf.neg(logit(u as tf.Tensor2D))))))(x);
      // d/d(offset) = sum over samples of d/dx of the mean.
      return [tf.sum(g1).dataSync()[0], tf.sum(g2).dataSync()[0]];
    });
    return {
      offset: o,
      jsd: jsd(realM, parseMixture(`N(${o}, ${s})`), 4000),
      kl: (o * o) / (2 * s * s),
      w1: o,
      grad: Math.abs(grad),
      gradNs: Math.abs(gradNs),
      gradOptimal: Math.abs(optimalMinimaxGrad(o, s)),
    };
  }

  return {
    step() {
      if (k >= offsets.length) return;
      const o = offsets[k];
      const xr = new Float32Array(batch);
      const xg = new Float32Array(batch);
      for (let i = 0; i < batch; i++) {
        xr[i] = dataRng.normal(0, s);
        xg[i] = dataRng.normal(o, s);
      }
      tf.tidy(() => {
        const r = tf.tensor2d(xr, [batch, 1]);
        const g = tf.tensor2d(xg, [batch, 1]);
        // Cross-entropy from logits: -log D(x_r) - log(1 - D(x_g)) = softplus(-a_r) + softplus(a_g).
        opt.minimize(() => discriminatorLoss(logit(r), logit(g)), false, net.variables());
      });
      inner++;
      if (inner >= dSteps) {
        records.push(measure(o));
        inner = 0;
        k++;
      }
    },
    metrics() {
      const last = records[records.length - 1];
      const o = offsets[Math.min(k, offsets.length - 1)];
      return {
        offset: last ? last.offset : o,
        jsd: last ? last.jsd : 0,
        kl: last ? last.kl : 0,
        w1: last ? last.w1 : 0,
        grad_norm: last ? last.grad : 0,
        grad_ns: last ? last.gradNs : 0,
      };
    },
    view(): JsSatView {
      const o = offsets[Math.min(k, offsets.length - 1)];
      const xs = linspace(-4 * s - 0.5, maxOffset + 4 * s + 0.5, 241);
      const d = tf.tidy(() => tf.sigmoid(logit(tf.tensor2d(Float32Array.from(xs), [xs.length, 1]))).dataSync() as Float32Array);
      return {
        records: records.slice(),
        offset: o,
        xs: Float32Array.from(xs),
        real: Float32Array.from(xs, (x) => normalPdf(x, 0, s)),
        fake: Float32Array.from(xs, (x) => normalPdf(x, o, s)),
        d: Float32Array.from(d),
        s,
        maxOffset,
        done: k >= offsets.length,
      };
    },
    dispose() {
      net.dispose();
      opt.dispose();
      zEval.dispose();
    },
    records: () => records,
    done: () => k >= offsets.length,
  };
}
