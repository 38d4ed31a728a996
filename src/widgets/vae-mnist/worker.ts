import { serve } from '../../worker/host';
import { initTf, timeSteps } from '../../worker/tf';
import { defaults } from '../../lib/params';
import { specs } from './settings';
import { getMnist } from '../../worker/mnist';
import { createModel as createVaeMnist } from './model';

serve(async (p) => createVaeMnist(p, await getMnist()), {
  // Where a hardware GPU is offered, a few steps are timed on each backend (once per browser).
  backend: () => initTf(['wasm', 'webgl', 'cpu', 'webgpu'], { probe: async () => timeSteps(async () => createVaeMnist(defaults(specs), await getMnist())) }),
  watch: ['elbo', 'recon', 'kl'],
});
