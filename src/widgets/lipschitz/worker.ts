import { serve } from '../runtime/worker-host';
import { createLipschitz } from '../../lib/models/lipschitz';

serve(createLipschitz, { watch: [] });
