import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { createModel as createGan2d } from './model';

// Tiny MLPs: WASM first.
serve(createGan2d, { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['d_loss', 'g_loss', 'mmd', 'w_d_loss', 'w_mmd'] });
