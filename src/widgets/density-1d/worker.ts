import { serve } from '../runtime/worker-host';
import { createDensity1d } from '../../lib/models/density1d';

// Pure JavaScript model: no tfjs in this worker.
serve(createDensity1d, { watch: ['loglik'] });
