import { serve } from '../runtime/worker-host';
import { createDistances } from '../../lib/models/distances';

serve(createDistances, { watch: ['theta_w1'] });
