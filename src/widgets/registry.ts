/**
 * The components chapters may use without importing anything: widgets, exercises, callouts.
 * Add a widget here once; any chapter can then write its tag.
 */
import Exercise from '../components/Exercise.astro';
import Callout from '../components/Callout.astro';
import Density1d from './density-1d/Density1d.astro';
import AaeMnist from './aae-mnist/AaeMnist.astro';
import Ali2d from './ali-2d/Ali2d.astro';
import BiganMnist from './bigan-mnist/BiganMnist.astro';

export const widgets = {
  Exercise,
  Callout,
  Density1d,
  AaeMnist,
  Ali2d,
  BiganMnist,
};
