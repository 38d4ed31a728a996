import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { getMnist } from '../runtime/mnist-worker';
import { createAae } from '../../lib/models/aae';

serve(async (p) => createAae(p, await getMnist()), {
  backend: () => initTf(['wasm', 'webgl', 'cpu']),
  watch: ['recon', 'code_mmd'],
});
