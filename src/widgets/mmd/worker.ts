import { serve } from '../../worker/host';
import { createModel as createMmd } from './model';

serve(createMmd, { watch: ['mmd2'] });
