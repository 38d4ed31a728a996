import { serve } from '../../worker/host';
import { createModel as createLipschitz } from './model';

serve(createLipschitz, { watch: [] });
