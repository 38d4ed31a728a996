import { serve } from '../../worker/host';
import { createModel as createKlFit } from './model';

// Pure JavaScript model (quadrature): no tfjs in this worker.
serve(createKlFit, { watch: ['mu_forward', 'sigma_forward', 'mu_reverse', 'sigma_reverse'] });
