import { serve } from '../runtime/worker-host';
import { createPixelcnnMask } from '../../lib/models/pixelcnnMask';

// Pure JavaScript: the influence sets are computed from the masks, no tfjs needed here.
serve(createPixelcnnMask, { watch: [] });
