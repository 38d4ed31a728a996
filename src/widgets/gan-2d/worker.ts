import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { createGan2d } from '../../lib/models/gan2d';

// Tiny MLPs: WASM first.
serve(createGan2d, { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['d_loss', 'g_loss', 'mmd', 'w_d_loss', 'w_mmd'] });
