/** Settings of the generator-losses widget (chapter 4), apart from the tfjs model. */
import type { ParamSpec } from '../params';
import { SEED_SPEC } from '../params';

export const generatorLossesSpecs: ParamSpec[] = [
  { name: 'mu', label: 'Data mean μ (p_data = N(μ, 1))', kind: 'number', default: 2, min: -5, max: 5 },
  { name: 'start', label: 'Generator start b₀ (p_g = N(b₀, 1))', kind: 'number', default: -2, min: -5, max: 5 },
  { name: 'lr', label: 'Learning rate of G (SGD)', kind: 'number', default: 0.05, min: 0, minExclusive: true, max: 1 },
  { name: 'batch', label: 'Minibatch M', kind: 'number', default: 64, min: 1, max: 1024, integer: true },
  SEED_SPEC,
];
