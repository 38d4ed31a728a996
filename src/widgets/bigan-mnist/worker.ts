import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { getMnist } from '../runtime/mnist-worker';
import { createBigan } from '../../lib/models/bigan';

serve(async (p) => createBigan(p, await getMnist()), {
  backend: () => initTf(['wasm', 'webgl', 'cpu']),
  watch: ['d_loss', 'g_loss'],
});
