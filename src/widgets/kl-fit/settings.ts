/** Settings of the kl-fit widget (page-safe: the model is plain JavaScript, no tfjs). */
import type { BenchInfo } from '../../lib/model';

export { klFitSpecs as specs } from './model';
/** The widget's id: names its folder, its component (components/widgets/kl-fit.astro), its tag and its worker. */
export const id = 'kl-fit';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };
