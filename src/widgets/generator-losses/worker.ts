import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { createGeneratorLosses } from '../../lib/models/generatorLosses';

// Scalar-sized steps: tfjs's plain CPU backend measured fastest here (2,149 steps/s against 1,077
// on WASM and 102 on WebGL, `npm run bench`), so it comes first.
serve(createGeneratorLosses, { backend: () => initTf(['cpu', 'wasm', 'webgl']), watch: ['b_minimax', 'b_ns'] });
