/** Settings of the reparam-gradients widget (page-safe: the model is plain JavaScript, no tfjs). */
import type { BenchInfo } from '../../lib/model';

export { reparamSpecs as specs } from './model';
/** The widget's id: names its folder, its component (components/widgets/reparam-gradients.astro), its tag and its worker. */
export const id = 'reparam-gradients';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 500 };
