import { serve } from '../../worker/host';
import { initTf, timeSteps } from '../../worker/tf';
import { defaults } from '../../lib/params';
import { specs } from './settings';
import { getMnist } from '../../worker/mnist';
import { createModel as createPixelcnnMnist } from './model';

// Small convolutions on a CPU: WASM first (XNNPACK forward convolutions; the gradients are
// written as forward convolutions too), then WebGL.
serve(async (p) => createPixelcnnMnist(p, await getMnist()), {
  // Where a hardware GPU is offered, a few steps are timed on each backend (once per browser).
  backend: () => initTf(['wasm', 'webgl', 'cpu', 'webgpu'], { probe: async () => timeSteps(async () => createPixelcnnMnist(defaults(specs), await getMnist())) }),
  watch: ['nll_nats', 'train_nll'],
});
