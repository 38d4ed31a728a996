import { serve } from '../runtime/worker-host';
import { createReparam } from '../../lib/models/reparamGradients';

// Pure JavaScript model: no tfjs in this worker.
serve(createReparam, { watch: ['mean_score', 'mean_reparam'] });
