import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { getMnist } from '../runtime/mnist-worker';
import { createMnistGan } from '../../lib/models/mnistGan';

serve(async (p) => createMnistGan(p, await getMnist()), { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['d_loss', 'g_loss'] });
