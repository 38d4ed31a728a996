import { serve } from '../runtime/worker-host';
import { createMmd } from '../../lib/models/mmd';

serve(createMmd, { watch: ['mmd2'] });
