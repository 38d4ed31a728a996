import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { createGeneratorLosses } from '../../lib/models/generatorLosses';

serve(createGeneratorLosses, { backend: () => initTf(['wasm', 'cpu', 'webgl']), watch: ['b_minimax', 'b_ns'] });
