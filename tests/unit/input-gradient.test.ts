/**
 * The gradient penalty's weight gradients, for every activation the settings offer: tfjs's
 * autodiff through mlpInputGradient (float32) against a reference computed in plain JavaScript
 * doubles by finite differences twice over (the input gradient by central differences in x, the
 * penalty's weight gradient by central differences in each weight), which uses no derivative
 * formula at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { ACTIVATIONS, MLP, type Activation } from '../../src/lib/nn/mlp';
import { gradientPenalty, inputGradientError, mlpInputGradient } from '../../src/lib/nn/input-gradient';
import { Rng } from '../../src/lib/rng';
import { act, forwardDouble } from './helpers/mlp-double';

/** Plain-double forward pass of an MLP given its weights (row-major [in, out]) and biases. */
function forward(ws: Float64Array[], bs: Float64Array[], acts: Activation[], x: number[]): number {
  return forwardDouble({ ws, bs, acts }, x)[0];
}

/** The smallest |z| over the hidden units' pre-activations at x. */
function minAbsPreActivation(ws: Float64Array[], bs: Float64Array[], acts: Activation[], x: number[]): number {
  let h = x;
  let m = Infinity;
  for (let l = 0; l < ws.length - 1; l++) {
    const nOut = bs[l].length;
    const next: number[] = new Array(nOut);
    for (let j = 0; j < nOut; j++) {
      let z = bs[l][j];
      for (let i = 0; i < h.length; i++) z += h[i] * ws[l][i * nOut + j];
      m = Math.min(m, Math.abs(z));
      next[j] = act(acts[l], z);
    }
    h = next;
  }
  return m;
}

/** Penalty mean_i (|grad_x f(x_i)| - 1)^2 (or its one-sided form) with grad_x by central differences. */
function penaltyFd(ws: Float64Array[], bs: Float64Array[], acts: Activation[], xs: number[][], center: number, scale: number, oneSided: boolean): number {
  const h = 1e-4;
  let total = 0;
  for (const x of xs) {
    let sq = 0;
    for (let k = 0; k < x.length; k++) {
      const up = x.map((v, i) => (i === k ? v + h : v));
      const dn = x.map((v, i) => (i === k ? v - h : v));
      const f = (p: number[]) => forward(ws, bs, acts, p.map((v) => (v - center) / scale));
      const d = (f(up) - f(dn)) / (2 * h);
      sq += d * d;
    }
    const e = Math.sqrt(sq) - 1;
    total += oneSided ? Math.max(0, e) ** 2 : e * e;
  }
  return total / xs.length;
}

interface Case {
  act: Activation;
  inDim: number;
  center: number;
  scale: number;
  oneSided: boolean;
}

/** Max |autodiff - FD| over every weight and bias, and the largest |gradient| for scale. */
function compare(c: Case, seed: number): { maxErr: number; maxGrad: number; biasGrad0: number } {
  const rng = new Rng(seed);
  const net = new MLP(c.inDim, [{ units: 16, activation: c.act }, { units: 16, activation: c.act }, { units: 1, activation: 'linear' }], rng, 'gp');
  // Non-zero biases so that every activation is probed away from 0, and weights large enough that
  // slopes straddle 1 (both branches of the one-sided penalty).
  net.setWeights(net.getWeights().map((w, i) => (i >= 3 ? Float32Array.from(w, () => rng.uniform(-0.5, 0.5)) : Float32Array.from(w, (v) => 1.5 * v))));
  // Points where no unit sits within 0.02 of its kink (ReLU, leaky ReLU, ELU): there the
  // penalty is smooth in the weights and finite differences are meaningful.
  const ws0 = net.weights.map((w) => Float64Array.from(w.dataSync()));
  const bs0 = net.biases.map((b) => Float64Array.from(b.dataSync()));
  const acts0 = net.layers.map((l) => l.activation);
  const xs: number[][] = [];
  while (xs.length < 8) {
    const p = Array.from({ length: c.inDim }, () => Math.fround(c.center + c.scale * rng.uniform(-1.2, 1.2)));
    if (minAbsPreActivation(ws0, bs0, acts0, p.map((v) => (v - c.center) / c.scale)) > 0.02) xs.push(p);
  }
  const x = tf.tensor2d(xs.flat(), [xs.length, c.inDim]);
  const loss = () => gradientPenalty(mlpInputGradient(net, x, c.center, c.scale).grad, c.oneSided ? 'one-sided' : 'two-sided');
  const grads = tf.tidy(() => tf.variableGrads(loss, net.variables()).grads);
  const auto = net.variables().map((v) => Float64Array.from(grads[v.name].dataSync()));
  tf.dispose(Object.values(grads));

  const ws = net.weights.map((w) => Float64Array.from(w.dataSync()));
  const bs = net.biases.map((b) => Float64Array.from(b.dataSync()));
  const acts = net.layers.map((l) => l.activation);
  const eps = 1e-4;
  let maxErr = 0;
  let maxGrad = 0;
  const params = [...ws, ...bs];
  params.forEach((p, vi) => {
    for (let j = 0; j < p.length; j++) {
      const keep = p[j];
      p[j] = keep + eps;
      const up = penaltyFd(ws, bs, acts, xs, c.center, c.scale, c.oneSided);
      p[j] = keep - eps;
      const dn = penaltyFd(ws, bs, acts, xs, c.center, c.scale, c.oneSided);
      p[j] = keep;
      const fd = (up - dn) / (2 * eps);
      maxErr = Math.max(maxErr, Math.abs(fd - auto[vi][j]));
      maxGrad = Math.max(maxGrad, Math.abs(fd));
    }
  });
  const biasGrad0 = Math.max(...Array.from(auto[net.weights.length], Math.abs));
  x.dispose();
  net.dispose();
  return { maxErr, maxGrad, biasGrad0 };
}

describe('gradient penalty through mlpInputGradient', () => {
  beforeAll(async () => {
    await startTf();
  });

  it('the forward value equals net.apply and the input gradient equals tf.grad of the output (first order)', () => {
    for (const a of ACTIVATIONS) {
      const net = new MLP(2, [{ units: 8, activation: a }, { units: 8, activation: a }, { units: 1, activation: 'linear' }], new Rng(3));
      const x = tf.tensor2d([0.3, -0.7, 1.1, 0.4, -1.5, -0.2], [3, 2]);
      const { out, grad } = mlpInputGradient(net, x);
      const ref = net.apply(x);
      const g = tf.grad((u: tf.Tensor) => tf.sum(net.apply(u as tf.Tensor2D)))(x);
      const o = out.dataSync();
      const r = ref.dataSync();
      const gg = grad.dataSync();
      const gr = g.dataSync();
      for (let i = 0; i < o.length; i++) expect(o[i], a).toBeCloseTo(r[i], 5);
      for (let i = 0; i < gg.length; i++) expect(gg[i], a).toBeCloseTo(gr[i], 5);
      tf.dispose([x, out, grad, ref, g]);
      net.dispose();
    }
  });

  const cases: Case[] = [
    ...ACTIVATIONS.map((act) => ({ act, inDim: 2, center: 0, scale: 1, oneSided: false })),
    // w1-1d's critic: 1-D input, standardised (x - center) / scale, one-sided penalty
    ...(['tanh', 'relu', 'elu'] as Activation[]).map((act) => ({ act, inDim: 1, center: 0.7, scale: 0.4, oneSided: true })),
  ];
  for (const c of cases) {
    it(`${c.act}, ${c.inDim}-D input${c.oneSided ? ', one-sided' : ''}: every weight's penalty gradient matches finite differences`, () => {
      const before = tf.memory().numTensors;
      const r = compare(c, 7);
      console.log(`input-gradient FD ${c.act} ${c.inDim}-D${c.oneSided ? ' one-sided' : ''}: max error ${r.maxErr.toExponential(2)} on gradients up to ${r.maxGrad.toFixed(3)}`);
      expect(r.maxGrad).toBeGreaterThan(1e-3);
      expect(r.maxErr).toBeLessThan(1e-4 + 1e-3 * r.maxGrad);
      // The first layer's biases receive a penalty gradient (a nested tf.grad gives none for tanh;
      // for piecewise-linear activations the input gradient does not depend on them).
      if (!['linear', 'relu', 'leaky_relu'].includes(c.act)) expect(r.biasGrad0).toBeGreaterThan(1e-6);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('refuses activations it has no derivative for, with a message', () => {
    expect(inputGradientError(['tanh', 'relu'])).toBeNull();
    expect(inputGradientError(['swish'])).toMatch(/cannot use the activation swish/);
    const net = new MLP(1, [{ units: 4, activation: 'swish' as Activation }, { units: 1, activation: 'linear' }], new Rng(1));
    expect(() => tf.tidy(() => mlpInputGradient(net, tf.tensor2d([[0]])))).toThrow(/swish/);
    net.dispose();
  });
});
