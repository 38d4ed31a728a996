/**
 * Every widget model, for the benchmark page and script (`npm run bench`): each entry trains
 * its model with default settings for a fixed number of steps on each backend. Add your model
 * here when you add a widget.
 */
import type { ParamSpec, Values } from '../params';
import type { Model } from '../runtime/model';
import type { Mnist } from '../data/mnist';
import { createDensity1d, density1dSpecs } from './density1d';
import { createAae } from './aae';
import { aaeSpecs } from './aae-specs';
import { createAli2d } from './ali2d';
import { ali2dSpecs } from './ali2d-specs';
import { createBigan } from './bigan';
import { biganSpecs } from './bigan-specs';

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
  { id: 'aae-mnist', specs: aaeSpecs, create: (v, d) => createAae(v, d.mnist!), tf: true, needsMnist: true, benchSteps: 30 },
  { id: 'ali-2d', specs: ali2dSpecs, create: (v) => createAli2d(v), tf: true, benchSteps: 100 },
  { id: 'bigan-mnist', specs: biganSpecs, create: (v, d) => createBigan(v, d.mnist!), tf: true, needsMnist: true, benchSteps: 30 },
];
