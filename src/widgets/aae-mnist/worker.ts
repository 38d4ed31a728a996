import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { getMnist } from '../../worker/mnist';
import { createModel as createAae } from './model';

serve(async (p) => createAae(p, await getMnist()), {
  backend: () => initTf(['wasm', 'webgl', 'cpu']),
  watch: ['recon', 'code_mmd'],
});
