import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { createModel as createOptimalDiscriminator } from './model';

serve(createOptimalDiscriminator, { backend: () => initTf(['wasm', 'cpu', 'webgl']), watch: ['value', 'max_gap'] });
