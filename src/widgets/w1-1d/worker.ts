import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { createModel as createW1d } from './model';

serve(createW1d, { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['w1_critic', 'critic_gap'] });
