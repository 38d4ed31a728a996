/** Settings that several GAN widgets offer in the same words (page-safe: no tfjs). */
import { choice, type EnumSpec, type SpecExtra } from '../params';

/** `loss`: the generator's loss, non-saturating (`ns`, the default) or minimax. */
export function generatorLossSpec(extra: SpecExtra = {}): EnumSpec {
  return choice('loss', 'Generator loss', 'ns', { ns: 'non-saturating: −log D(G(z))', minimax: 'minimax: log(1 − D(G(z)))' }, extra);
}
