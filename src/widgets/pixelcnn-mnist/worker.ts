import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { getMnist } from '../../worker/mnist';
import { createModel as createPixelcnnMnist } from './model';

// Small convolutions on a CPU: WASM first (XNNPACK forward convolutions; the gradients are
// written as forward convolutions too), then WebGL.
serve(async (p) => createPixelcnnMnist(p, await getMnist()), {
  backend: () => initTf(['wasm', 'webgl', 'cpu']),
  watch: ['nll_nats', 'train_nll'],
});
