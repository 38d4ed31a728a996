import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { createModel as createJsSat } from './model';

serve(createJsSat, { backend: () => initTf(['wasm', 'webgl', 'cpu']), watch: ['jsd', 'grad_norm'] });
