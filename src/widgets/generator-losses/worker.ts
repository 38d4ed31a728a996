import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { createModel as createGeneratorLosses } from './model';

// Scalar-sized steps: tfjs's plain CPU backend measured fastest here (2,149 steps/s against 1,077
// on WASM and 102 on WebGL, `npm run bench`), so it comes first.
serve(createGeneratorLosses, { backend: () => initTf(['cpu', 'wasm', 'webgl']), watch: ['b_minimax', 'b_ns'] });
