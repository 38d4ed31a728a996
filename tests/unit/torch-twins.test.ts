/**
 * The PyTorch twins in bench/torch/ (used by `npm run bench -- --compare`) compute what the tfjs
 * models compute: for each model family, the twin loaded with the tfjs model's initial weights has
 * the same number of parameters and the same losses at step 0 on the same inputs. Needs python3
 * with torch (Debian: `apt-get install python3-torch`); without it the tests are skipped and say so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTorchPython } from '../../bench/torch/find-python.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { mnistNode } from './helpers/mnist-node';
import { defaults } from '../../src/lib/params';
import { Rng } from '../../src/lib/rng';
import { MLP, type LayerSpec } from '../../src/lib/nn/mlp';
import { bceSum, lossFake, lossReal } from '../../src/lib/gan/losses';
import { batchPixels, SPLITS, type Mnist } from '../../src/lib/data/mnist';
import type { Model } from '../../src/lib/model';
import * as vae from '../../src/widgets/vae-mnist/model';
import * as mnistGan from '../../src/widgets/mnist-gan/model';
import * as aae from '../../src/widgets/aae-mnist/model';
import * as bigan from '../../src/widgets/bigan-mnist/model';
import * as pixelcnn from '../../src/widgets/pixelcnn-mnist/model';
import * as gan2d from '../../src/widgets/gan-2d/model';
import * as optd from '../../src/widgets/optimal-discriminator/model';

const root = join(import.meta.dirname, '../..');
const twin = join(root, 'bench/torch/twin.py');
const { python, tried } = findTorchPython();
const hasTorch = python !== null;
if (!hasTorch) {
  console.warn(
    `torch-twins: SKIPPED. No Python with the torch package (${tried.join('; ')}); ` +
      "install Debian's python3-torch (or set PYTHON) to check the PyTorch twins in bench/torch/.",
  );
}

type Exported = { shape: number[]; values: number[]; layout?: string };
const dir = hasTorch ? mkdtempSync(join(tmpdir(), 'torch-twins-')) : '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Creates a model and returns it with the trainable variables it made, in creation order. */
async function withVariables<M extends Model>(make: () => M | Promise<M>) {
  const before = new Set(Object.keys(tf.engine().state.registeredVariables));
  const model = await make();
  // Model weights are named (<mlp>_w0_<uid>, pcnn_<layer>_w_<uid>); unnamed variables are not weights.
  const vars = Object.values(tf.engine().state.registeredVariables).filter((v) => !before.has(v.name) && v.trainable && !/^\d+$/.test(v.name));
  return { model, vars };
}

/**
 * Export names: an MLP's `<name>_w<i>_<uid>` becomes `<name><k>.w<i>` (k counts earlier MLPs of
 * the same name, empty for the first); a PixelCNN's `pcnn_<layer>_w_<uid>` becomes `pcnn_<layer>.w`.
 */
function exportWeights(vars: tf.Variable[]): Record<string, Exported> {
  const out: Record<string, Exported> = {};
  const seen = new Map<string, number>();
  for (const v of vars) {
    const mlp = /^(.*)_([wb])(\d+)_[0-9a-z]+$/.exec(v.name);
    const conv = /^(pcnn_.*)_([wb])_[0-9a-z]+$/.exec(v.name);
    let key: string;
    if (mlp) {
      const [, base, kind, i] = mlp;
      if (kind === 'w' && i === '0') seen.set(base, (seen.get(base) ?? -1) + 1);
      const k = seen.get(base) ?? 0;
      key = `${base}${k ? k : ''}.${kind}${i}`;
    } else if (conv) key = `${conv[1]}.${conv[2]}`;
    else throw new Error(`unexpected variable name ${v.name}`);
    out[key] = { shape: v.shape, values: Array.from(v.dataSync()), ...(v.rank === 4 ? { layout: 'hwio' } : {}) };
  }
  return out;
}

/** An MLP over existing variables (the model's own), so the real MLP.apply computes the forward pass. */
function mlpOver(vars: tf.Variable[], name: string, inputSize: number, layers: LayerSpec[]): MLP {
  const mine = vars.filter((v) => v.name.startsWith(`${name}_`));
  const n = layers.length;
  if (mine.length !== 2 * n) throw new Error(`${name}: expected ${2 * n} variables, found ${mine.length}`);
  const m = Object.create(MLP.prototype) as MLP;
  Object.assign(m, {
    inputSize,
    layers,
    weights: mine.filter((v) => /_w\d+_/.test(v.name)),
    biases: mine.filter((v) => /_b\d+_/.test(v.name)),
  });
  return m;
}

const t2 = (a: Float32Array, r: number, c: number) => tf.tensor2d(a, [r, c]);
const asInput = (a: Float32Array, shape: number[]): Exported => ({ shape, values: Array.from(a) });
function normals(rng: Rng, n: number) {
  return Float32Array.from({ length: n }, () => rng.normal());
}
function digits(data: Mnist, n: number, binary: boolean) {
  return batchPixels(data, Array.from({ length: n }, (_, i) => SPLITS.train.start + 17 * i), binary);
}

function runTwin(id: string, weights: Record<string, Exported>, inputs: Record<string, Exported>) {
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify({ weights, inputs }));
  const r = spawnSync(python!, [twin, 'check', id, file], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`twin ${id} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { params: number; losses: Record<string, number> };
}

function expectSame(id: string, vars: tf.Variable[], losses: Record<string, number>, inputs: Record<string, Exported>) {
  const out = runTwin(id, exportWeights(vars), inputs);
  expect(out.params).toBe(vars.reduce((s, v) => s + v.size, 0));
  expect(Object.keys(out.losses).sort()).toEqual(Object.keys(losses).sort());
  for (const [k, v] of Object.entries(losses)) {
    expect(Number.isFinite(v)).toBe(true);
    // float32 on both sides with different summation orders (the PixelCNN's NLL sums 12,544
    // pixels): agree to 1e-4 relative. A wrong layer, activation or loss term is off by far more.
    expect(Math.abs(out.losses[k] - v), `${id} ${k}: tfjs ${v}, torch ${out.losses[k]}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(v)));
  }
}

const read = (t: tf.Tensor) => t.dataSync()[0];

describe.skipIf(!hasTorch)('PyTorch twins (bench/torch/) match the tfjs models at step 0', () => {
  it('vae-mnist', async () => {
    await startTf();
    const data = await mnistNode();
    const { model, vars } = await withVariables(() => vae.createModel(defaults(vae.specs), data));
    const B = 100;
    const x = digits(data, B, true);
    const eps = normals(new Rng(5), B * 2);
    const loss = tf.tidy(() => {
      const h = model.encoder.apply(t2(x, B, 784));
      const mu = tf.slice(h, [0, 0], [-1, 2]);
      const sigma = tf.add(tf.softplus(tf.slice(h, [0, 2], [-1, 2])), 1e-4);
      const logits = model.decoder.apply(tf.add(mu, tf.mul(sigma, t2(eps, B, 2))) as tf.Tensor2D);
      const nll = tf.mean(tf.sum(tf.sub(tf.softplus(logits), tf.mul(t2(x, B, 784), logits)), 1));
      const kl = tf.mean(tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.square(mu), tf.square(sigma)), tf.add(1, tf.mul(2, tf.log(sigma)))), 1)));
      return read(tf.add(nll, kl));
    });
    expectSame('vae-mnist', vars, { loss }, { x: asInput(x, [B, 784]), eps: asInput(eps, [B, 2]) });
    model.dispose();
  });

  it('mnist-gan', async () => {
    await startTf();
    const data = await mnistNode();
    const { model, vars } = await withVariables(() => mnistGan.createModel(defaults(mnistGan.specs), data));
    const M = 64;
    const x = digits(data, M, false);
    const rng = new Rng(6);
    const z = Float32Array.from({ length: M * 100 }, () => rng.uniform(-1, 1));
    const G = mlpOver(vars, 'mnist_g', 100, [{ units: 128, activation: 'relu' }, { units: 784, activation: 'sigmoid' }]);
    const D = mlpOver(vars, 'mnist_d', 784, [{ units: 128, activation: 'leaky_relu' }, { units: 1, activation: 'linear' }]);
    const losses = tf.tidy(() => {
      const lf = D.apply(G.apply(t2(z, M, 100)));
      return { d_loss: read(tf.add(lossReal(D.apply(t2(x, M, 784))), lossFake(lf))), g_loss: read(lossReal(lf)) };
    });
    expectSame('mnist-gan', vars, losses, { x: asInput(x, [M, 784]), z: asInput(z, [M, 100]) });
    model.dispose();
  });

  it('aae-mnist (with the side-by-side VAE)', async () => {
    await startTf();
    const data = await mnistNode();
    const { model, vars } = await withVariables(() => aae.createModel(defaults(aae.specs), data, { trainCount: 500, testCount: 100 }));
    const B = 64;
    const x = digits(data, B, false);
    const rng = new Rng(7);
    const real = normals(rng, B * 2);
    const eps = normals(rng, B * 2);
    const h = 128;
    const encL: LayerSpec[] = [{ units: h, activation: 'relu' }, { units: h, activation: 'relu' }, { units: 4, activation: 'linear' }];
    const decL: LayerSpec[] = [{ units: h, activation: 'relu' }, { units: h, activation: 'relu' }, { units: 784, activation: 'linear' }];
    const dL: LayerSpec[] = [{ units: 64, activation: 'leaky_relu' }, { units: 64, activation: 'leaky_relu' }, { units: 1, activation: 'linear' }];
    // Two cores share the names aae_enc / aae_dec: the main model's variables come first.
    const encs = vars.filter((v) => v.name.startsWith('aae_enc_'));
    const decs = vars.filter((v) => v.name.startsWith('aae_dec_'));
    const enc = mlpOver(encs.slice(0, 6), 'aae_enc', 784, encL);
    const venc = mlpOver(encs.slice(6), 'aae_enc', 784, encL);
    const dec = mlpOver(decs.slice(0, 6), 'aae_dec', 2, decL);
    const vdec = mlpOver(decs.slice(6), 'aae_dec', 2, decL);
    const disc = mlpOver(vars, 'aae_d', 2, dL);
    const losses = tf.tidy(() => {
      const xt = t2(x, B, 784);
      const z = tf.slice(enc.apply(xt), [0, 0], [-1, 2]) as tf.Tensor2D;
      const vh = venc.apply(xt);
      const mu = tf.slice(vh, [0, 0], [-1, 2]);
      const logvar = tf.clipByValue(tf.slice(vh, [0, 2], [-1, 2]), -10, 10);
      const vz = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logvar)), t2(eps, B, 2))) as tf.Tensor2D;
      const kl = tf.mean(tf.sum(tf.mul(0.5, tf.sub(tf.add(tf.square(mu), tf.exp(logvar)), tf.add(1, logvar))), 1));
      return {
        recon: read(bceSum(dec.apply(z), xt)),
        d_loss: read(tf.add(lossReal(disc.apply(t2(real, B, 2))), lossFake(disc.apply(z)))),
        g_loss: read(lossReal(disc.apply(z))),
        vae_loss: read(tf.add(bceSum(vdec.apply(vz), xt), kl)),
      };
    });
    expectSame('aae-mnist', vars, losses, { x: asInput(x, [B, 784]), real: asInput(real, [B, 2]), eps: asInput(eps, [B, 2]) });
    model.dispose();
  });

  it('bigan-mnist', async () => {
    await startTf();
    const data = await mnistNode();
    const { model, vars } = await withVariables(() =>
      bigan.createModel(defaults(bigan.specs), data, { trainCount: 500, probeTrain: 200, probeTest: 100 }),
    );
    const B = 64;
    const k = 16;
    const x = digits(data, B, false);
    const z = normals(new Rng(8), B * k);
    const E = mlpOver(vars, 'bigan_e', 784, [{ units: 256, activation: 'leaky_relu' }, { units: k, activation: 'linear' }]);
    const G = mlpOver(vars, 'bigan_g', k, [{ units: 256, activation: 'relu' }, { units: 784, activation: 'sigmoid' }]);
    const D = mlpOver(vars, 'bigan_d', 784 + k, [{ units: 256, activation: 'leaky_relu' }, { units: 1, activation: 'linear' }]);
    const losses = tf.tidy(() => {
      const xt = t2(x, B, 784);
      const zt = t2(z, B, k);
      const lr = D.apply(tf.concat([xt, E.apply(xt)], 1) as tf.Tensor2D);
      const lf = D.apply(tf.concat([G.apply(zt), zt], 1) as tf.Tensor2D);
      return { d_loss: read(tf.add(lossReal(lr), lossFake(lf))), g_loss: read(tf.add(lossFake(lr), lossReal(lf))) };
    });
    expectSame('bigan-mnist', vars, losses, { x: asInput(x, [B, 784]), z: asInput(z, [B, k]) });
    model.dispose();
  });

  it('pixelcnn-mnist', async () => {
    await startTf();
    const data = await mnistNode();
    const { model, vars } = await withVariables(() => pixelcnn.createModel(defaults(pixelcnn.specs), data));
    const B = 16;
    const x = digits(data, B, true);
    const nll = tf.tidy(() => read(model.net.nll(tf.tensor4d(x, [B, 28, 28, 1]))));
    expectSame('pixelcnn-mnist', vars, { nll }, { x: asInput(x, [B, 784]) });
    model.dispose();
  });

  it('gan-2d', async () => {
    await startTf();
    const { model, vars } = await withVariables(() => gan2d.createModel(defaults(gan2d.specs)));
    const M = 64;
    const rng = new Rng(9);
    const x = normals(rng, M * 2);
    const z = normals(rng, M * 2);
    const layers = (out: number): LayerSpec[] => [{ units: 32, activation: 'relu' }, { units: 32, activation: 'relu' }, { units: out, activation: 'linear' }];
    const G = mlpOver(vars, 'G', 2, layers(2));
    const D = mlpOver(vars, 'D', 2, layers(1));
    const losses = tf.tidy(() => {
      const lf = D.apply(G.apply(t2(z, M, 2)));
      return { d_loss: read(tf.add(lossReal(D.apply(t2(x, M, 2))), lossFake(lf))), g_loss: read(lossReal(lf)) };
    });
    expectSame('gan-2d', vars, losses, { x: asInput(x, [M, 2]), z: asInput(z, [M, 2]) });
    model.dispose();
  });

  it('optimal-discriminator', async () => {
    await startTf();
    const { model, vars } = await withVariables(() => optd.createModel(defaults(optd.specs)));
    const B = 1024;
    const x = Float32Array.from(normals(new Rng(10), 2 * B), (v) => 0.5 * v);
    const labels = Float32Array.from({ length: 2 * B }, (_, i) => (i < B ? 1 : 0));
    const D = mlpOver(vars, 'optd', 1, [{ units: 64, activation: 'tanh' }, { units: 64, activation: 'tanh' }, { units: 1, activation: 'linear' }]);
    const loss = tf.tidy(() => read(tf.losses.sigmoidCrossEntropy(t2(labels, 2 * B, 1), D.apply(t2(x, 2 * B, 1)))));
    expectSame('optimal-discriminator', vars, { loss }, { x: asInput(x, [2 * B, 1]), labels: asInput(labels, [2 * B, 1]) });
    model.dispose();
  });
});
