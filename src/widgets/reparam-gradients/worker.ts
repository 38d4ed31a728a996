import { serve } from '../../worker/host';
import { createModel as createReparam } from './model';

// Pure JavaScript model: no tfjs in this worker.
serve(createReparam, { watch: ['mean_score', 'mean_reparam'] });
