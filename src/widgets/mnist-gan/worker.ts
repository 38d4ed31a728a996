import { serve } from '../../worker/host';
import { initTf, timeSteps } from '../../worker/tf';
import { defaults } from '../../lib/params';
import { specs } from './settings';
import { getMnist } from '../../worker/mnist';
import { createModel as createMnistGan } from './model';

serve(async (p) => createMnistGan(p, await getMnist()), { backend: () => initTf(['wasm', 'webgl', 'cpu', 'webgpu'], { probe: async () => timeSteps(async () => createMnistGan(defaults(specs), await getMnist())) }), watch: ['d_loss', 'g_loss'] });
