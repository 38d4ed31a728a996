import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { createJsSat } from '../../lib/models/jssat';

serve(createJsSat, { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['jsd', 'grad_norm'] });
