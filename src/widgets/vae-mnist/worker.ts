import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { getMnist } from '../../worker/mnist';
import { createModel as createVaeMnist } from './model';

serve(async (p) => createVaeMnist(p, await getMnist()), {
  backend: () => initTf(['wasm', 'webgl', 'cpu']),
  watch: ['elbo', 'recon', 'kl'],
});
