/** Settings of the density-1d widget (page-safe: the model is plain JavaScript, no tfjs). */
import type { BenchInfo } from '../../lib/model';

export { density1dSpecs as specs } from './model';
/** The widget's id: names its folder, its component (components/widgets/density-1d.astro), its tag and its worker. */
export const id = 'density-1d';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };
