/** Settings of the mmd widget (page-safe: the model is plain JavaScript, no tfjs). */
import type { BenchInfo } from '../../lib/model';

export { mmdSpecs as specs } from './model';
/** The widget's id: names its folder, its component (components/widgets/mmd.astro), its tag and its worker. */
export const id = 'mmd';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 50 };
