import { it } from 'vitest';
import { startTf } from './helpers/tf-node';
import { createModel, W1_PRESETS, specs } from '../../src/widgets/w1-1d/model';
import { defaults } from '../../src/lib/params';
import { randomPairs } from './helpers/random-pairs';
it('probe', async () => {
  await startTf();
  const pairs: [string,string][] = [...Object.values(W1_PRESETS).map((p) => [p.real, p.fake] as [string,string]), ['0.3 N(-2, 0.5) + 0.7 U(1, 3)', 'N(0, 1)'], ['U(-1, 3)', 'N(0, 1)'], ...randomPairs(5, 3).map((p) => [p.pdata, p.pg] as [string,string])];
  const which = (process.env.PAIRS ?? '0,1,2,3,4,5,6,7').split(',').map(Number);
  const extra = JSON.parse(process.env.EXTRA ?? '{}');
  const N = Number(process.env.N ?? 1000);
  for (const k of which) {
    const [real, fake] = pairs[k];
    const m = createModel({ ...defaults(specs), real, fake, ...extra });
    const out: string[] = []; let lo = Infinity;
    for (let s = 1; s <= N; s++) { m.step(); if (s >= 600) lo = Math.min(lo, m.estimate() / m.exact); if (s % 100 === 0) out.push((m.estimate()/m.exact).toFixed(3)); }
    console.log(k, JSON.stringify(extra), 'min>=600', lo.toFixed(3), out.join(' '));
    m.dispose();
  }
}, 900000);
