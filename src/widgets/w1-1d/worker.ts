import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { createW1d } from '../../lib/models/w1d';

serve(createW1d, { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['w1_critic', 'critic_gap'] });
