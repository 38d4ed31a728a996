/**
 * The two generator losses of chapter 4, side by side. The data are N(mu, 1); the generator is a
 * shift, G(z) = z + b with z ~ N(0, 1), so p_g = N(b, 1). For two unit-variance Gaussians the
 * optimal discriminator is exactly logistic, D*(x) = sigmoid(w x + c) with w = mu - b and
 * c = (b^2 - mu^2) / 2, so D is set to its optimum before every generator step (the setting of
 * Proposition 2). Two generators start at the same b and see the same noise; one descends the
 * minimax loss log(1 - D(G(z))), the other the non-saturating loss -log D(G(z)). Gradients come
 * from tfjs autodiff, as in every other model of the book.
 */
import { tf } from '../../lib/tf-backend';
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import type { Model } from '../../lib/model';

export { specs } from './settings';

export type GenLoss = 'minimax' | 'ns';

/** Loss of the generator on one fake sample as a function of D's logit l (D = sigmoid(l)). */
export function generatorLoss(kind: GenLoss, l: tf.Tensor): tf.Tensor {
  // log(1 - sigmoid(l)) = -softplus(l);  -log sigmoid(l) = softplus(-l).
  return kind === 'minimax' ? tf.neg(tf.softplus(l)) : tf.softplus(tf.neg(l));
}

export interface GeneratorLossesView {
  /** D values on a grid, the two losses there, and their derivatives with respect to the logit. */
  d: Float32Array;
  lossMinimax: Float32Array;
  lossNs: Float32Array;
  gradMinimax: Float32Array;
  gradNs: Float32Array;
  /** Current mean D(G(z)) of each generator. */
  dFake: { minimax: number; ns: number };
  history: { step: number; minimax: number; ns: number }[];
  mu: number;
}

export interface GeneratorLossesModel extends Model {
  view(): GeneratorLossesView;
  offsets(): { minimax: number; ns: number };
}

/** The loss curves and their logit-derivatives, by autodiff, on D in (0, 1). */
export function lossCurves(n = 199): Omit<GeneratorLossesView, 'dFake' | 'history' | 'mu'> {
  return tf.tidy(() => {
    const dv = Float32Array.from({ length: n }, (_, i) => (i + 1) / (n + 1));
    const d = tf.tensor1d(dv);
    const l = tf.log(tf.div(d, tf.sub(1, d)));
    const gm = tf.grad((x: tf.Tensor) => tf.sum(generatorLoss('minimax', x)))(l);
    const gn = tf.grad((x: tf.Tensor) => tf.sum(generatorLoss('ns', x)))(l);
    return {
      d: dv,
      lossMinimax: generatorLoss('minimax', l).dataSync() as Float32Array,
      lossNs: generatorLoss('ns', l).dataSync() as Float32Array,
      gradMinimax: gm.dataSync() as Float32Array,
      gradNs: gn.dataSync() as Float32Array,
    };
  });
}

/** Steps a played run takes before it stops (about 17 s at the default 30 steps/s). */
export const GENERATOR_LOSSES_RUN_STEPS = 500;

export function createModel(values: Values): GeneratorLossesModel {
  const mu = Number(values.mu);
  const lr = Number(values.lr);
  const M = Number(values.batch);
  const rng = new Rng(Number(values.seed));
  // tf.variable keeps its initial tensor alive unless that tensor is made inside a tidy.
  const start = () => tf.tidy(() => tf.variable(tf.scalar(Number(values.start))));
  const b = { minimax: start(), ns: start() };
  const opt = { minimax: tf.train.sgd(lr), ns: tf.train.sgd(lr) };
  const curves = lossCurves();
  const z = new Float32Array(M);
  let steps = 0;
  const last = { minimax: { grad: 0, dFake: 0 }, ns: { grad: 0, dFake: 0 } };
  const history: { step: number; minimax: number; ns: number }[] = [];

  const offsets = () => ({ minimax: b.minimax.dataSync()[0], ns: b.ns.dataSync()[0] });

  /** One generator step against the optimal logistic discriminator for the current b. */
  function generatorStep(kind: GenLoss) {
    const bv = b[kind].dataSync()[0];
    const w = mu - bv;
    const c = (bv * bv - mu * mu) / 2;
    const out = tf.tidy(() => {
      const zt = tf.tensor1d(z);
      const { value, grads } = tf.variableGrads(() => {
        const l = tf.add(tf.mul(tf.add(zt, b[kind]), w), c);
        return tf.mean(generatorLoss(kind, l)) as tf.Scalar;
      }, [b[kind]]);
      const g = grads[b[kind].name];
      const dFake = tf.mean(tf.sigmoid(tf.add(tf.mul(tf.add(zt, b[kind]), w), c)));
      const res = [g.dataSync()[0], dFake.dataSync()[0], value.dataSync()[0]];
      opt[kind].applyGradients({ [b[kind].name]: g });
      return res;
    });
    last[kind] = { grad: out[0], dFake: out[1] };
  }

  /** Every step for the first 500 (the interesting part), then every 10th, at most 2,000 points. */
  function record() {
    if (steps > 500 && steps % 10 !== 0) return;
    const o = offsets();
    history.push({ step: steps, minimax: o.minimax, ns: o.ns });
    if (history.length > 2000) history.splice(500, history.length - 2000);
  }

  // Step 0: report D(G(z)) and the gradients at the start without moving.
  for (let i = 0; i < M; i++) z[i] = rng.normal();
  for (const kind of ['minimax', 'ns'] as const) {
    const bv = b[kind].dataSync()[0];
    const w = mu - bv;
    const c = (bv * bv - mu * mu) / 2;
    let s = 0;
    let g = 0;
    for (let i = 0; i < M; i++) {
      const dd = 1 / (1 + Math.exp(-(w * (z[i] + bv) + c)));
      s += dd;
      g += kind === 'minimax' ? -dd * w : -(1 - dd) * w;
    }
    last[kind] = { grad: g / M, dFake: s / M };
  }
  record();

  return {
    step() {
      for (let i = 0; i < M; i++) z[i] = rng.normal();
      generatorStep('minimax');
      generatorStep('ns');
      steps++;
      record();
    },
    metrics() {
      const o = offsets();
      return {
        b_minimax: o.minimax,
        b_ns: o.ns,
        d_fake_minimax: last.minimax.dFake,
        d_fake_ns: last.ns.dFake,
        grad_minimax: last.minimax.grad,
        grad_ns: last.ns.grad,
      };
    },
    view(): GeneratorLossesView {
      return {
        ...curves,
        dFake: { minimax: last.minimax.dFake, ns: last.ns.dFake },
        history: history.slice(),
        mu,
      };
    },
    offsets,
    /** Every step of the first GENERATOR_LOSSES_RUN_STEPS is recorded: that is the run the widget shows. */
    done: () => steps >= GENERATOR_LOSSES_RUN_STEPS,
    dispose() {
      b.minimax.dispose();
      b.ns.dispose();
      opt.minimax.dispose();
      opt.ns.dispose();
    },
  };
}
