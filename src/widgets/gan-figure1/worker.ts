import { serve } from '../runtime/worker-host';
import { initTf } from '../runtime/tf-worker';
import { createGanFigure1 } from '../../lib/models/ganFigure1';

serve(createGanFigure1, { backend: () => initTf(['wasm', 'cpu', 'webgl']), watch: ['d_loss', 'g_loss'] });
