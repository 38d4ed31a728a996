/**
 * Pieces shared by the GAN models: the discriminator and generator losses written out with
 * logits (chapters 4 to 8), and for the adversarial-autoencoder, ALI and BiGAN models 2-D priors
 * with their samplers (./priors) and a softmax-regression probe. Plain TypeScript plus tfjs; no DOM.
 */
import { tf } from '../tf-backend';
export * from './priors';

/** -log sigmoid(l) = softplus(-l): the loss of calling a sample "real" when D outputs logit l. */
export function lossReal(logits: tf.Tensor): tf.Scalar {
  return tf.mean(tf.softplus(tf.neg(logits))) as tf.Scalar;
}

/** -log(1 - sigmoid(l)) = softplus(l): the loss of calling a sample "fake". */
export function lossFake(logits: tf.Tensor): tf.Scalar {
  return tf.mean(tf.softplus(logits)) as tf.Scalar;
}

/** D's cross-entropy -log D(x) - log(1 - D(G(z))), from the logits of real and generated samples. */
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  return tf.add(lossReal(realLogits), lossFake(fakeLogits)) as tf.Scalar;
}

/**
 * G's loss from D's logits on generated samples: minimax log(1 - D) = -softplus(l), or
 * non-saturating -log D = softplus(-l) (means over the batch).
 */
export function generatorLoss(fakeLogits: tf.Tensor, minimax: boolean): tf.Scalar {
  return minimax ? (tf.neg(lossFake(fakeLogits)) as tf.Scalar) : lossReal(fakeLogits);
}

/**
 * Least-squares GAN (Mao et al. 2017) with the 0-1 coding a = 0, b = c = 1, on D's raw outputs:
 * D minimises (1/2) E (D(x) - 1)^2 + (1/2) E D(G(z))^2 (chapter 5, eq. lsgan-d) ...
 */
export function lsganDiscriminatorLoss(realOut: tf.Tensor, fakeOut: tf.Tensor): tf.Scalar {
  return tf.mul(0.5, tf.add(tf.mean(tf.square(tf.sub(realOut, 1))), tf.mean(tf.square(fakeOut)))) as tf.Scalar;
}

/** ... and G minimises (1/2) E (D(G(z)) - 1)^2 (eq. lsgan-g). */
export function lsganGeneratorLoss(fakeOut: tf.Tensor): tf.Scalar {
  return tf.mul(0.5, tf.mean(tf.square(tf.sub(fakeOut, 1)))) as tf.Scalar;
}

/** WGAN critic loss E f(G(z)) - E f(x) (minimised; chapter 6, eq. wgan-critic), without a penalty. */
export function criticLoss(realOut: tf.Tensor, fakeOut: tf.Tensor): tf.Scalar {
  return tf.sub(tf.mean(fakeOut), tf.mean(realOut)) as tf.Scalar;
}

/** Binary cross-entropy of pixel targets in [0, 1] given decoder logits, summed over pixels, mean over the batch (nats per digit). */
export function bceSum(logits: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
  // max(l, 0) - l y + log(1 + exp(-|l|))
  const t = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
  return tf.mean(tf.sum(t, 1)) as tf.Scalar;
}

// ---------------------------------------------------------------------------------------------
// Linear probe
// ---------------------------------------------------------------------------------------------

/**
 * Softmax regression on fixed features (features standardised with the training set's mean and
 * standard deviation), trained by full-batch gradient descent with Adam; returns test accuracy.
 */
export function linearProbe(
  trainX: Float32Array,
  trainY: ArrayLike<number>,
  testX: Float32Array,
  testY: ArrayLike<number>,
  dim: number,
  classes = 10,
  iters = 300,
  lr = 0.05,
): number {
  return tf.tidy(() => {
    const n = trainY.length;
    const xt = tf.tensor2d(trainX, [n, dim]);
    const mean = tf.mean(xt, 0);
    const sd = tf.add(tf.sqrt(tf.mean(tf.square(tf.sub(xt, mean)), 0)), 1e-6);
    const xs = tf.div(tf.sub(xt, mean), sd) as tf.Tensor2D;
    const ys = tf.oneHot(tf.tensor1d(Array.from(trainY), 'int32'), classes).toFloat();
    const w = tf.variable(tf.zeros([dim, classes]));
    const b = tf.variable(tf.zeros([classes]));
    const opt = tf.train.adam(lr);
    for (let i = 0; i < iters; i++) {
      opt.minimize(() => {
        const logits = tf.add(tf.matMul(xs, w), b);
        return tf.add(tf.losses.softmaxCrossEntropy(ys, logits), tf.mul(1e-4, tf.sum(tf.square(w)))) as tf.Scalar;
      }, false, [w, b]);
    }
    const m = testY.length;
    const xe = tf.div(tf.sub(tf.tensor2d(testX, [m, dim]), mean), sd) as tf.Tensor2D;
    const pred = tf.argMax(tf.add(tf.matMul(xe, w), b), 1).dataSync();
    let correct = 0;
    for (let i = 0; i < m; i++) if (pred[i] === testY[i]) correct++;
    opt.dispose();
    w.dispose();
    b.dispose();
    return correct / m;
  });
}

/** Fixed index list [start, start + n) of a split, or a seeded random subset of it. */
export function rangeIdx(start: number, n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => start + i);
}
