import { serve } from '../../worker/host';
import { initTf } from '../../worker/tf';
import { createModel as createGanFigure1 } from './model';

serve(createGanFigure1, { backend: () => initTf(['wasm', 'cpu', 'webgl']), watch: ['d_loss', 'g_loss'] });
