import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { getMnist } from '../../worker/mnist';
import { createModel as createBigan } from './model';

serve(async (p) => createBigan(p, await getMnist()), {
  backend: () => initTf(['wasm', 'webgl', 'cpu']),
  watch: ['d_loss', 'g_loss'],
});
