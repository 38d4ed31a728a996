/**
 * Every widget model, for the benchmark page and script (`npm run bench`): each entry trains
 * its model with default settings for a fixed number of steps on each backend. Add your model
 * here when you add a widget.
 */
import type { ParamSpec, Values } from '../params';
import type { Model } from '../runtime/model';
import type { Mnist } from '../data/mnist';
import { createDensity1d, density1dSpecs } from './density1d';
import { createOptimalDiscriminator, optimalDiscriminatorSpecs } from './optimalDiscriminator';
import { createGanFigure1, ganFigure1Specs } from './ganFigure1';
import { createGeneratorLosses, generatorLossesSpecs } from './generatorLosses';
import { createMnistGan, mnistGanSpecs } from './mnistGan';
import { createGan2d, gan2dSpecs } from './gan2d';
import { createKlFit, klFitSpecs } from './klfit';
import { createW1d, w1Specs } from './w1d';
import { createReparam, reparamSpecs } from './reparamGradients';
import { createVaeMnist, vaeMnistSpecs } from './vaeMnist';
import { createPixelcnnMask, pixelcnnMaskSpecs } from './pixelcnnMask';
import { createPixelcnnMnist, pixelcnnMnistSpecs } from './pixelcnnMnist';
import { createAae } from './aae';
import { aaeSpecs } from './aae-specs';
import { createAli2d } from './ali2d';
import { ali2dSpecs } from './ali2d-specs';
import { createBigan } from './bigan';
import { biganSpecs } from './bigan-specs';
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
  { id: 'optimal-discriminator', specs: optimalDiscriminatorSpecs, create: (v) => createOptimalDiscriminator(v), tf: true, benchSteps: 300 },
  { id: 'gan-figure1', specs: ganFigure1Specs, create: (v) => createGanFigure1(v), tf: true, benchSteps: 300 },
  { id: 'generator-losses', specs: generatorLossesSpecs, create: (v) => createGeneratorLosses(v), tf: true, benchSteps: 300 },
  { id: 'mnist-gan', specs: mnistGanSpecs, create: (v, d) => createMnistGan(v, d.mnist!), tf: true, needsMnist: true, benchSteps: 50 },
  { id: 'gan-2d', specs: gan2dSpecs, create: (v) => createGan2d(v), tf: true, benchSteps: 200 },
  { id: 'kl-fit', specs: klFitSpecs, create: (v) => createKlFit(v), tf: false, benchSteps: 200 },
  { id: 'w1-1d', specs: w1Specs, create: (v) => createW1d(v), tf: true, benchSteps: 100 },
  { id: 'reparam-gradients', specs: reparamSpecs, create: (v) => createReparam(v), tf: false, benchSteps: 500 },
  {
    id: 'vae-mnist',
    specs: vaeMnistSpecs,
    create: (v, d) => {
      if (!d.mnist) throw new Error('vae-mnist needs MNIST');
      return createVaeMnist(v, d.mnist);
    },
    tf: true,
    needsMnist: true,
    benchSteps: 50,
  },
  { id: 'pixelcnn-mask', specs: pixelcnnMaskSpecs, create: (v) => createPixelcnnMask(v), tf: false, benchSteps: 200 },
  {
    id: 'pixelcnn-mnist',
    specs: pixelcnnMnistSpecs,
    create: (v, d) => {
      if (!d.mnist) throw new Error('pixelcnn-mnist needs MNIST');
      return createPixelcnnMnist(v, d.mnist);
    },
    tf: true,
    needsMnist: true,
    benchSteps: 20,
  },
  { id: 'aae-mnist', specs: aaeSpecs, create: (v, d) => createAae(v, d.mnist!), tf: true, needsMnist: true, benchSteps: 30 },
  { id: 'ali-2d', specs: ali2dSpecs, create: (v) => createAli2d(v), tf: true, benchSteps: 100 },
  { id: 'bigan-mnist', specs: biganSpecs, create: (v, d) => createBigan(v, d.mnist!), tf: true, needsMnist: true, benchSteps: 30 },
  { id: 'distances-vs-offset', specs: distancesSpecs, create: (v) => createDistances(v), tf: false, benchSteps: 200 },
  { id: 'js-saturation', specs: jsSatSpecs, create: (v) => createJsSat(v), tf: true, benchSteps: 200 },
  { id: 'mmd', specs: mmdSpecs, create: (v) => createMmd(v), tf: false, benchSteps: 50 },
  { id: 'lipschitz', specs: lipschitzSpecs, create: (v) => createLipschitz(v), tf: false, benchSteps: 200 },
];
