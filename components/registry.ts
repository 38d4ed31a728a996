/**
 * The components chapters may use without importing anything: widgets, exercises, callouts.
 * Add a widget here once; any chapter can then write its tag.
 */
import Exercise from '../components/Exercise.astro';
import Callout from '../components/Callout.astro';
import Density1d from './density-1d/Density1d.astro';
import OptimalDiscriminator from './optimal-discriminator/OptimalDiscriminator.astro';
import GanFigure1 from './gan-figure1/GanFigure1.astro';
import GeneratorLosses from './generator-losses/GeneratorLosses.astro';
import MnistGan from './mnist-gan/MnistGan.astro';
import Gan2d from './gan-2d/Gan2d.astro';
import KlFit from './kl-fit/KlFit.astro';
import W1d from './w1-1d/W1d.astro';
import ReparamGradients from './reparam-gradients/ReparamGradients.astro';
import VaeMnist from './vae-mnist/VaeMnist.astro';
import PixelcnnMask from './pixelcnn-mask/PixelcnnMask.astro';
import PixelcnnMnist from './pixelcnn-mnist/PixelcnnMnist.astro';
import AaeMnist from './aae-mnist/AaeMnist.astro';
import Ali2d from './ali-2d/Ali2d.astro';
import BiganMnist from './bigan-mnist/BiganMnist.astro';
import DistancesVsOffset from './distances-vs-offset/DistancesVsOffset.astro';
import Lipschitz from './lipschitz/Lipschitz.astro';
import Mmd from './mmd/Mmd.astro';
import JsSaturation from './js-saturation/JsSaturation.astro';

export const widgets = {
  Exercise,
  Callout,
  Density1d,
  OptimalDiscriminator,
  GanFigure1,
  GeneratorLosses,
  MnistGan,
  Gan2d,
  KlFit,
  W1d,
  ReparamGradients,
  VaeMnist,
  PixelcnnMask,
  PixelcnnMnist,
  AaeMnist,
  Ali2d,
  BiganMnist,
  DistancesVsOffset,
  Lipschitz,
  Mmd,
  JsSaturation,
};
