/**
 * Chapter 8's MNIST model: a small fully connected BiGAN. E: x -> z (deterministic), G: z -> x,
 * D(x, z) on pairs; D, G and E are updated together on each mini-batch, G and E with the labels
 * swapped. A linear probe (softmax regression on E's codes of training digits, accuracy on test
 * digits) measures what E has learned; the same probe on the encoder as initialised, before any
 * training, is the baseline `probe_acc_random`.
 */
import type { Values } from '../../lib/params';
import { Rng } from '../../lib/rng';
import { readTidy, tf } from '../../lib/tf-backend';
import { MLP, makeOptimizer } from '../../lib/nn/mlp';
import { batchPixels, SPLITS, type Mnist } from '../../lib/data/mnist';
import type { Model } from '../../lib/model';
import type { NamedWeights } from '../../lib/checkpoint';
import { linearProbe, lossFake, lossReal } from '../../lib/gan/losses';

export * from './settings';

const PIX = 784;

export interface BiganOptions {
  trainCount?: number;
  /** Training digits the probe is fitted on, and test digits it is scored on. */
  probeTrain?: number;
  probeTest?: number;
}

export interface BiganView {
  /** Rows of 28x28 images, 10 per row: test digits, their reconstructions G(E(x)), interpolations, samples. */
  images: Float32Array;
  rows: number;
  cols: number;
  rowLabels: string[];
  history: { step: number; probe_acc: number }[];
}

export interface BiganModel extends Model {
  probe(): number;
  probeRandom(): number;
  recon(): number;
  save(): NamedWeights;
  load(weights: NamedWeights, step: number, stated?: Record<string, number>): void;
}

export function createModel(values: Values, mnist: Mnist, opts: BiganOptions = {}): BiganModel {
  const latent = Number(values.latent);
  const hidden = Number(values.hidden);
  const lr = Number(values.lr);
  const batch = Number(values.batch);
  const probeEvery = Number(values.probe_every);
  if (!(latent >= 1) || !(hidden >= 1) || !(lr > 0) || !(batch >= 1) || !(probeEvery >= 1)) throw new Error('bad settings');
  const rng = new Rng(Number(values.seed));
  const dataRng = rng.fork();
  const nTrain = Math.min(opts.trainCount ?? SPLITS.train.end, SPLITS.train.end);
  const nProbeTrain = Math.min(opts.probeTrain ?? 2000, SPLITS.train.end);
  const nProbeTest = Math.min(opts.probeTest ?? 1000, SPLITS.test.end - SPLITS.test.start);

  const E = new MLP(PIX, [
    { units: hidden, activation: 'leaky_relu' },
    { units: latent, activation: 'linear' },
  ], rng, 'bigan_e');
  const G = new MLP(latent, [
    { units: hidden, activation: 'relu' },
    { units: PIX, activation: 'sigmoid' },
  ], rng, 'bigan_g');
  const D = new MLP(PIX + latent, [
    { units: hidden, activation: 'leaky_relu' },
    { units: 1, activation: 'linear' },
  ], rng, 'bigan_d');
  const optD = makeOptimizer('adam', lr, 0.5);
  const optGE = makeOptimizer('adam', lr, 0.5);
  const geVars = [...G.variables(), ...E.variables()];

  const probeTrainIdx = Int32Array.from({ length: nProbeTrain }, (_, i) => SPLITS.train.start + i);
  const probeTestIdx = Int32Array.from({ length: nProbeTest }, (_, i) => SPLITS.test.start + i);
  const probeTrainX = batchPixels(mnist, probeTrainIdx);
  const probeTestX = batchPixels(mnist, probeTestIdx);
  const probeTrainY = Uint8Array.from(probeTrainIdx, (i) => mnist.labels[i]);
  const probeTestY = Uint8Array.from(probeTestIdx, (i) => mnist.labels[i]);

  function features(x: Float32Array, n: number): Float32Array {
    return readTidy(() => E.apply(tf.tensor2d(x, [n, PIX])));
  }
  function probe(): number {
    return linearProbe(features(probeTrainX, nProbeTrain), probeTrainY, features(probeTestX, nProbeTest), probeTestY, latent);
  }
  // The baseline: the same probe on the encoder as initialised (random weights, never trained).
  // Fitted when first needed, before any step or load changes E (a fit takes about a second);
  // a checkpoint brings the baseline of the initialisation it was trained from.
  let accRandom: number | undefined;
  function baseline(): number {
    if (accRandom === undefined) accRandom = probe();
    return accRandom;
  }

  const evalRng = rng.fork();
  const showIdx = Int32Array.from({ length: 10 }, (_, i) => SPLITS.test.start + i);
  const showX = batchPixels(mnist, showIdx);
  const sampleZ = new Float32Array(10 * latent);
  for (let i = 0; i < sampleZ.length; i++) sampleZ[i] = evalRng.normal();

  const xBuf = new Float32Array(batch * PIX);
  const zBuf = new Float32Array(batch * latent);
  let order = Array.from({ length: nTrain }, (_, i) => SPLITS.train.start + i);
  let cursor = order.length;
  let step = 0;
  /** Loaded from a checkpoint and not stepped since: no minibatch losses to show yet. */
  let loaded = false;
  let dLoss = NaN;
  let gLoss = NaN;
  /** The latest probe; null until the first one (the baseline stands for it until then). */
  let acc: number | null = null;
  let accStep = 0;
  const history: BiganView['history'] = [];
  /** The history starts with the baseline at step 0. */
  function withBaseline() {
    if (!history.length) history.push({ step: 0, probe_acc: baseline() });
    return history;
  }

  function recon(): number {
    return tf.tidy(() => {
      const x = tf.tensor2d(probeTestX, [nProbeTest, PIX]);
      return tf.mean(tf.sum(tf.square(tf.sub(G.apply(E.apply(x)), x)), 1)).dataSync()[0];
    });
  }

  return {
    step() {
      withBaseline(); // before E changes
      for (let b = 0; b < batch; b++) {
        if (cursor >= order.length) {
          order = dataRng.shuffle(order);
          cursor = 0;
        }
        batchPixels(mnist, [order[cursor++]], false, xBuf.subarray(b * PIX, (b + 1) * PIX));
      }
      for (let i = 0; i < zBuf.length; i++) zBuf[i] = dataRng.normal();
      tf.tidy(() => {
        const x = tf.tensor2d(xBuf, [batch, PIX]);
        const z = tf.tensor2d(zBuf, [batch, latent]);
        const pairs = () => ({
          real: tf.concat([x, E.apply(x, undefined, false)], 1) as tf.Tensor2D, // x is data
          fake: tf.concat([G.apply(z), z], 1) as tf.Tensor2D,
        });
        const dc = optD.minimize(() => {
          const { real, fake } = pairs();
          // Only D trains here: its first layer skips the input gradient (G and E need it below).
          return tf.add(lossReal(D.apply(real, undefined, false)), lossFake(D.apply(fake, undefined, false))) as tf.Scalar;
        }, true, D.variables());
        dLoss = dc ? dc.dataSync()[0] : NaN;
        const gc = optGE.minimize(() => {
          const { real, fake } = pairs();
          return tf.add(lossFake(D.apply(real)), lossReal(D.apply(fake))) as tf.Scalar;
        }, true, geVars);
        gLoss = gc ? gc.dataSync()[0] : NaN;
      });
      step++;
      loaded = false;
      if (step % probeEvery === 0) {
        acc = probe();
        accStep = step;
        history.push({ step, probe_acc: acc });
        if (history.length > 300) history.splice(1, history.length - 300);
      }
    },
    metrics() {
      const none = step === 0 || loaded;
      const random = withBaseline()[0].probe_acc;
      const shown = acc ?? random;
      return { step, d_loss: none ? '–' : dLoss, g_loss: none ? '–' : gLoss, probe_acc: Number.isNaN(shown) ? '–' : shown, probe_acc_random: random, probe_step: accStep };
    },
    view(): BiganView {
      const images = readTidy(() => {
        const x = tf.tensor2d(showX, [10, PIX]);
        const z = E.apply(x);
        const rec = G.apply(z);
        // Interpolations: two rows, from digit 0 to digit 1 and from digit 2 to digit 3.
        const rows: tf.Tensor2D[] = [x, rec];
        for (const [a, b] of [[0, 1], [2, 3]]) {
          const za = tf.slice(z, [a, 0], [1, latent]);
          const zb = tf.slice(z, [b, 0], [1, latent]);
          const ts = tf.tensor2d(Array.from({ length: 10 }, (_, i) => i / 9), [10, 1]);
          rows.push(G.apply(tf.add(tf.mul(tf.sub(1, ts), za), tf.mul(ts, zb)) as tf.Tensor2D));
        }
        rows.push(G.apply(tf.tensor2d(sampleZ, [10, latent])));
        return tf.concat(rows, 0);
      });
      return {
        images,
        rows: 5,
        cols: 10,
        rowLabels: ['test digits x', 'reconstructions G(E(x))', 'interpolation from the 1st to the 2nd digit', 'interpolation from the 3rd to the 4th digit', 'samples G(z)'],
        history: withBaseline().slice(),
      };
    },
    command(name) {
      if (name === 'probe') {
        withBaseline();
        acc = probe();
        accStep = step;
        history.push({ step, probe_acc: acc });
        return { probe_acc: acc };
      }
      throw new Error(`unknown command ${name}`);
    },
    save: () => ({ ...E.named('E'), ...G.named('G'), ...D.named('D') }),
    load(weights, at, stated) {
      // The baseline belongs to the initialisation the weights were trained from: the checkpoint
      // states it; without that, fit it now, before the weights change.
      if (accRandom === undefined && stated && Number.isFinite(stated.probe_acc_random)) accRandom = stated.probe_acc_random;
      withBaseline();
      E.loadNamed('E', weights);
      G.loadNamed('G', weights);
      D.loadNamed('D', weights);
      step = at;
      loaded = true;
      // The probe is re-fitted at the next scheduled step or on request (a fit takes seconds,
      // and a loaded checkpoint should show at once); until then its readout says so.
      acc = NaN;
      accStep = at;
      history.length = 1; // keep the random encoder's point at step 0
    },
    probe,
    probeRandom: baseline,
    recon,
    dispose() {
      E.dispose();
      G.dispose();
      D.dispose();
      optD.dispose();
      optGE.dispose();
    },
  };
}
