import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { createOptimalDiscriminator } from '../../lib/models/optimalDiscriminator';

serve(createOptimalDiscriminator, { backend: () => initTf(['wasm', 'cpu', 'webgl']), watch: ['value', 'max_gap'] });
