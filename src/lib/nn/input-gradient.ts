/**
 * The input gradient of a scalar-output MLP, for gradient penalties (WGAN-GP and its one-sided
 * variant). A penalty such as E[(|grad_x f(x)| - 1)^2] needs grad_x f inside the loss, and the
 * optimiser then differentiates the loss with respect to the weights: a second derivative.
 *
 * A `tf.grad` nested inside the loss gives wrong second derivatives in tfjs 4.22 for some
 * activations (measured: tanh and ELU wrong, the first layer's biases of a tanh net get no
 * gradient at all). So the input gradient is computed here by explicit backpropagation written
 * with ordinary tf ops, with each activation's derivative spelled out (tanh' = 1 - tanh^2,
 * sigmoid' = s (1 - s), softplus' = sigmoid, ELU' = 1 or e^z, ReLU' = step). The result is an
 * ordinary function of the weights, and the optimiser needs only first-order autodiff through
 * ordinary ops. tests/unit/input-gradient.test.ts checks the penalty's weight gradients against
 * finite differences in double precision, for every activation.
 */
import { tf } from '../tf-backend';
import { activate, type Activation, type MLP } from './mlp';

/** Activations whose derivative is written out below (all that MLP offers). */
export const INPUT_GRADIENT_ACTIVATIONS: readonly Activation[] = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'linear', 'elu', 'softplus'];

/** Null when a network with these activations has a supported input gradient, else a message. */
export function inputGradientError(acts: readonly string[]): string | null {
  const bad = acts.filter((a) => !INPUT_GRADIENT_ACTIVATIONS.includes(a as Activation));
  return bad.length ? `the gradient penalty cannot use the activation ${bad.join(', ')} (supported: ${INPUT_GRADIENT_ACTIVATIONS.join(', ')})` : null;
}

/** act'(z), given the pre-activation z and the activation's output h = act(z). */
function derivative(act: Activation, z: tf.Tensor, h: tf.Tensor): tf.Tensor {
  switch (act) {
    case 'linear':
      return tf.onesLike(z);
    case 'relu':
      // step(z) has a zero gradient everywhere, which is the second derivative of ReLU a.e.
      return tf.step(z);
    case 'leaky_relu':
      // slope 1 for z > 0, 0.2 otherwise (mlp.ts uses tf.leakyRelu(x, 0.2))
      return tf.add(0.2, tf.mul(0.8, tf.step(z)));
    case 'tanh':
      return tf.sub(1, tf.square(h));
    case 'sigmoid':
      return tf.mul(h, tf.sub(1, h));
    case 'softplus':
      return tf.sigmoid(z);
    case 'elu': {
      // 1 for z > 0, e^z otherwise; min(z, 0) keeps exp from overflowing on the branch not taken.
      const pos = tf.step(z);
      return tf.add(pos, tf.mul(tf.sub(1, pos), tf.exp(tf.minimum(z, 0))));
    }
    default:
      throw new Error(inputGradientError([act as string]) ?? `unknown activation ${act}`);
  }
}

/**
 * f(x) = net((x - center) / scale) for a network with one output, and its gradient with respect to
 * x, row by row: out [n, 1] and grad [n, d]. Both are built from ordinary tf ops, so a loss that
 * uses `grad` can be differentiated with respect to the weights by `minimize` / `variableGrads`.
 */
export function mlpInputGradient(net: MLP, x: tf.Tensor2D, center = 0, scale = 1): { out: tf.Tensor2D; grad: tf.Tensor2D } {
  if (net.outputSize !== 1) throw new Error(`mlpInputGradient: the network must have one output (it has ${net.outputSize})`);
  const err = inputGradientError(net.layers.map((l) => l.activation));
  if (err) throw new Error(err);
  let h: tf.Tensor2D = center === 0 && scale === 1 ? x : (tf.div(tf.sub(x, center), scale) as tf.Tensor2D);
  const derivs: tf.Tensor2D[] = [];
  net.layers.forEach((layer, i) => {
    const z = tf.add(tf.matMul(h, net.weights[i] as tf.Tensor2D), net.biases[i]) as tf.Tensor2D;
    const a = layer.activation === 'linear' ? z : (activate(z, layer.activation) as tf.Tensor2D);
    derivs.push(derivative(layer.activation, z, a) as tf.Tensor2D);
    h = a;
  });
  // Backward: g = d out / d h_i, from the output down to the input.
  let g: tf.Tensor2D = derivs[derivs.length - 1];
  for (let i = net.layers.length - 1; i >= 0; i--) {
    if (i < net.layers.length - 1) g = tf.mul(g, derivs[i]) as tf.Tensor2D;
    g = tf.matMul(g, net.weights[i] as tf.Tensor2D, false, true);
  }
  return { out: h, grad: scale === 1 ? g : (tf.div(g, scale) as tf.Tensor2D) };
}

/** The Euclidean norm of each row of the input gradient, sqrt(sum g^2 + 1e-12) (smooth at 0). */
export function rowNorm(grad: tf.Tensor2D): tf.Tensor1D {
  return grad.shape[1] === 1 ? (tf.reshape(tf.abs(grad), [grad.shape[0]]) as tf.Tensor1D) : (tf.sqrt(tf.add(tf.sum(tf.square(grad), 1), 1e-12)) as tf.Tensor1D);
}

/**
 * The gradient penalty lambda-free: mean over rows of (|grad| - 1)^2 (two-sided, WGAN-GP) or of
 * max(0, |grad| - 1)^2 (one-sided).
 */
export function gradientPenalty(grad: tf.Tensor2D, kind: 'two-sided' | 'one-sided' = 'two-sided'): tf.Scalar {
  const excess = tf.sub(rowNorm(grad), 1);
  return tf.mean(tf.square(kind === 'two-sided' ? excess : tf.relu(excess))) as tf.Scalar;
}
