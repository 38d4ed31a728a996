/**
 * Every widget model, for the benchmark page and script (`npm run bench`): each entry trains
 * its model with default settings for a fixed number of steps on each backend. Add your model
 * here when you add a widget.
 */
import type { ParamSpec, Values } from '../params';
import type { Model } from '../runtime/model';
import type { Mnist } from '../data/mnist';
import { createDensity1d, density1dSpecs } from './density1d';
import { createKlFit, klFitSpecs } from './klfit';
import { createW1d, w1Specs } from './w1d';
import { createDistances, distancesSpecs } from './distances';
import { createLipschitz, lipschitzSpecs } from './lipschitz';
import { createMmd, mmdSpecs } from './mmd';
import { createJsSat, jsSatSpecs } from './jssat';

export interface ModelEntry {
  /** The widget id. */
  id: string;
  specs: ParamSpec[];
  create: (values: Values, data: { mnist?: Mnist }) => Model | Promise<Model>;
  /** Uses tfjs (benchmarked per backend) or plain JavaScript. */
  tf: boolean;
  needsMnist?: boolean;
  /** Steps timed by the benchmark (after a short warm-up). */
  benchSteps: number;
}

export const MODELS: ModelEntry[] = [
  { id: 'density-1d', specs: density1dSpecs, create: (v) => createDensity1d(v), tf: false, benchSteps: 200 },
  { id: 'kl-fit', specs: klFitSpecs, create: (v) => createKlFit(v), tf: false, benchSteps: 200 },
  { id: 'w1-1d', specs: w1Specs, create: (v) => createW1d(v), tf: true, benchSteps: 100 },
  { id: 'distances-vs-offset', specs: distancesSpecs, create: (v) => createDistances(v), tf: false, benchSteps: 200 },
  { id: 'js-saturation', specs: jsSatSpecs, create: (v) => createJsSat(v), tf: true, benchSteps: 200 },
  { id: 'mmd', specs: mmdSpecs, create: (v) => createMmd(v), tf: false, benchSteps: 50 },
  { id: 'lipschitz', specs: lipschitzSpecs, create: (v) => createLipschitz(v), tf: false, benchSteps: 200 },
];
