import { serve } from '../../worker/host';
import { createModel as createPixelcnnMask } from './model';

// Pure JavaScript: the influence sets are computed from the masks, no tfjs needed here.
serve(createPixelcnnMask, { watch: [] });
