import { it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { createAli2d, ali2dSpecs } from '../../src/lib/models/ali2d';
import { defaults } from '../../src/lib/params';

it('probe ali', async () => {
  await startTf();
  for (const mode of (process.env.MODES ?? 'ali,gan').split(',')) {
    const m = createAli2d({ ...defaults(ali2dSpecs), mode, encoder: process.env.ENC ?? 'deterministic' });
    const t0 = Date.now();
    for (let i = 1; i <= Number(process.env.N ?? 2000); i++) {
      m.step();
      if (i % 250 === 0) console.log(mode, i, ((Date.now()-t0)/1000).toFixed(1)+'s', JSON.stringify(m.metrics()), 'hq', m.highQuality().toFixed(3), 'same', m.reconSameMode().toFixed(3));
    }
    m.dispose();
  }
}, 900000);
