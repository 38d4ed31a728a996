/** Settings of the lipschitz widget (page-safe: the model is plain JavaScript, no tfjs). */
import type { BenchInfo } from '../../lib/model';

export { lipschitzSpecs as specs } from './model';
/** The widget's id: names its folder, its component (components/widgets/lipschitz.astro), its tag and its worker. */
export const id = 'lipschitz';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };
