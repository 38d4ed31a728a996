import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { getMnist } from '../runtime/mnist-worker';
import { createPixelcnnMnist } from '../../lib/models/pixelcnnMnist';

// Small convolutions on a CPU: WASM first (XNNPACK forward convolutions; the gradients are
// written as forward convolutions too), then WebGL.
serve(async (p) => createPixelcnnMnist(p, await getMnist()), {
  backend: () => initTf(['wasm', 'webgl', 'cpu']),
  watch: ['nll_nats', 'train_nll'],
});
