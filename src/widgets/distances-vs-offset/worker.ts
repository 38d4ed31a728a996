import { serve } from '../../worker/host';
import { createModel as createDistances } from './model';

serve(createDistances, { watch: ['theta_w1'] });
