import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { createAli2d } from '../../lib/models/ali2d';

serve((p) => createAli2d(p), { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['d_loss', 'g_loss'] });
