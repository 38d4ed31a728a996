import { serve } from '../runtime/worker-host';
import { createKlFit } from '../../lib/models/klfit';

// Pure JavaScript model (quadrature): no tfjs in this worker.
serve(createKlFit, { watch: ['mu_forward', 'sigma_forward', 'mu_reverse', 'sigma_reverse'] });
