import { serve } from '../../worker/host';
import { createModel as createDensity1d } from './model';

// Pure JavaScript model: no tfjs in this worker.
serve(createDensity1d, { watch: ['loglik'] });
