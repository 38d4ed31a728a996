/** Settings of the distances-vs-offset widget (page-safe: the model is plain JavaScript, no tfjs). */
import type { BenchInfo } from '../../lib/model';

export { distancesSpecs as specs } from './model';
/** The widget's id: names its folder, its component (components/widgets/distances-vs-offset.astro), its tag and its worker. */
export const id = 'distances-vs-offset';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };
