/** tf.Variables to and from the named weight arrays of a checkpoint (lib/checkpoint.ts). */
import { tf } from '../tf-backend';
import type { NamedWeights } from '../checkpoint';

/** `<prefix>.0`, `<prefix>.1`, ... in the order given. */
export function saveVariables(prefix: string, vars: tf.Variable[]): NamedWeights {
  const out: NamedWeights = {};
  vars.forEach((v, i) => (out[`${prefix}.${i}`] = Float32Array.from(v.dataSync() as Float32Array)));
  return out;
}

/** Assigns what saveVariables gave; checks every name and size first (nothing changes on a bad file). */
export function loadVariables(prefix: string, vars: tf.Variable[], weights: NamedWeights) {
  vars.forEach((v, i) => {
    const a = weights[`${prefix}.${i}`];
    if (!a) throw new Error(`the checkpoint has no tensor ${prefix}.${i}`);
    if (a.length !== v.size) throw new Error(`tensor ${prefix}.${i} has ${a.length} values, the model needs ${v.size}`);
  });
  vars.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(weights[`${prefix}.${i}`], v.shape))));
}
