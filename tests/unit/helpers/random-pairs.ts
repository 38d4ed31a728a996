/**
 * Random pairs of 1-D mixtures in the book's text form, for the verifiers' convergence tests:
 * one to five components each, normals and uniforms, narrow (sigma or width down to 0.05) and
 * wide (up to 2.5) components, overlapping pairs and pairs with (nearly) disjoint supports.
 */
import { Rng } from '../../../src/lib/rng';

export type PairKind = 'overlap' | 'disjoint';

function term(rng: Rng, lo: number, hi: number, maxScale: number): string {
  const loc = rng.uniform(lo, hi);
  // log-uniform scale between 0.05 and maxScale: narrow and wide components
  const s = Math.exp(rng.uniform(Math.log(0.05), Math.log(maxScale)));
  const w = rng.uniform(0.2, 1);
  if (rng.next() < 0.7) return `${w.toFixed(2)} N(${loc.toFixed(2)}, ${s.toFixed(3)})`;
  return `${w.toFixed(2)} U(${(loc - s).toFixed(2)}, ${(loc + s).toFixed(2)})`;
}

function mixture(rng: Rng, lo: number, hi: number, maxScale: number): string {
  const k = 1 + rng.int(5);
  return Array.from({ length: k }, () => term(rng, lo, hi, maxScale)).join(' + ');
}

/**
 * One pair: overlapping (both centred on [-3, 3], scales 0.05 to 2.5) or disjoint (p_data centred
 * on [-6, -3], p_g on [3, 6], scales 0.05 to 0.6, so at least ten scales apart).
 */
export function randomPair(rng: Rng, kind: PairKind): { pdata: string; pg: string } {
  if (kind === 'overlap') return { pdata: mixture(rng, -3, 3, 2.5), pg: mixture(rng, -3, 3, 2.5) };
  return { pdata: mixture(rng, -6, -3, 0.6), pg: mixture(rng, 3, 6, 0.6) };
}

/** n pairs from a seed, alternating overlapping and disjoint (two overlapping for each disjoint). */
export function randomPairs(seed: number, n: number): { pdata: string; pg: string; kind: PairKind }[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const kind: PairKind = i % 3 === 2 ? 'disjoint' : 'overlap';
    return { ...randomPair(rng, kind), kind };
  });
}
