import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { getMnist } from '../runtime/mnist-worker';
import { createVaeMnist } from '../../lib/models/vaeMnist';

serve(async (p) => createVaeMnist(p, await getMnist()), {
  backend: () => initTf(['wasm', 'webgl', 'cpu']),
  watch: ['elbo', 'recon', 'kl'],
});
