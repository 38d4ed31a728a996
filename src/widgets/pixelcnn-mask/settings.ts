/** Settings of the pixelcnn-mask widget (page-safe: the model is plain JavaScript, no tfjs). */
import type { BenchInfo } from '../../lib/model';

export { pixelcnnMaskSpecs as specs } from './model';
/** The widget's id: names its folder, its component (components/widgets/pixelcnn-mask.astro), its tag and its worker. */
export const id = 'pixelcnn-mask';
/** For the benchmark (src/bench/): tfjs or plain JavaScript, MNIST needed, steps timed. */
export const bench: BenchInfo = { tf: false, steps: 200 };
