import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { createModel as createAli2d } from './model';

serve((p) => createAli2d(p), { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['d_loss', 'g_loss'] });
