import { it } from 'vitest';
import { startTf, tf } from '../../tests/unit/helpers/tf-node';
import { mnistNode } from '../../tests/unit/helpers/mnist-node';
import { createAae, aaeSpecs } from '../../src/lib/models/aae';
import { defaults } from '../../src/lib/params';

it('probe', async () => {
  await startTf();
  const mnist = await mnistNode();
  const reg = process.env.REG ?? 'adversarial';
  const m = createAae({ ...defaults(aaeSpecs), compare: false, regulariser: reg, prior: process.env.PRIOR ?? 'gaussian', variant: process.env.VAR ?? 'unsupervised' }, mnist, { testCount: 500 });
  const t0 = Date.now();
  const n0 = tf.memory().numTensors;
  console.log('init mmd', m.codeMmd());
  for (let i = 1; i <= Number(process.env.N ?? 600); i++) {
    m.step();
    if (i % 50 === 0) console.log(i, ((Date.now()-t0)/1000).toFixed(1)+'s', JSON.stringify(m.metrics()), 'mmd', m.codeMmd().toFixed(4), 'rec', m.testRecon().toFixed(1), 'part', m.partAccuracy());
  }
  console.log('tensors', n0, tf.memory().numTensors);
  m.dispose();
}, 600000);
