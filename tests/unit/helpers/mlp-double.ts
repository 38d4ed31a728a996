/** An MLP's forward pass in plain JavaScript doubles: the independent reference of the gradient tests. */
import type { Activation, MLP } from '../../../src/lib/nn/mlp';

export interface DoubleNet {
  /** Row-major [in, out] weights per layer. */
  ws: Float64Array[];
  bs: Float64Array[];
  acts: Activation[];
}

/** A copy of an MLP's weights in doubles. */
export const readNet = (n: MLP): DoubleNet => ({
  ws: n.weights.map((w) => Float64Array.from(w.dataSync())),
  bs: n.biases.map((b) => Float64Array.from(b.dataSync())),
  acts: n.layers.map((l) => l.activation),
});

export function act(a: Activation, z: number): number {
  switch (a) {
    case 'relu':
      return Math.max(0, z);
    case 'leaky_relu':
      return z > 0 ? z : 0.2 * z;
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'elu':
      return z > 0 ? z : Math.expm1(z);
    case 'softplus':
      return z > 30 ? z : Math.log1p(Math.exp(z));
    case 'linear':
      return z;
  }
}

/** The network's outputs at x. */
export function forwardDouble(n: DoubleNet, x: number[]): number[] {
  let h = x;
  for (let l = 0; l < n.ws.length; l++) {
    const nOut = n.bs[l].length;
    const next: number[] = new Array(nOut);
    for (let j = 0; j < nOut; j++) {
      let z = n.bs[l][j];
      for (let i = 0; i < h.length; i++) z += h[i] * n.ws[l][i * nOut + j];
      next[j] = act(n.acts[l], z);
    }
    h = next;
  }
  return h;
}
