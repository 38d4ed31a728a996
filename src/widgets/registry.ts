/**
 * The components chapters may use without importing anything: widgets, exercises, callouts.
 * Add a widget here once; any chapter can then write its tag.
 */
import Exercise from '../components/Exercise.astro';
import Callout from '../components/Callout.astro';
import Density1d from './density-1d/Density1d.astro';
import KlFit from './kl-fit/KlFit.astro';
import W1d from './w1-1d/W1d.astro';
import DistancesVsOffset from './distances-vs-offset/DistancesVsOffset.astro';
import Lipschitz from './lipschitz/Lipschitz.astro';
import Mmd from './mmd/Mmd.astro';
import JsSaturation from './js-saturation/JsSaturation.astro';

export const widgets = {
  Exercise,
  Callout,
  Density1d,
  KlFit,
  W1d,
  DistancesVsOffset,
  Lipschitz,
  Mmd,
  JsSaturation,
};
