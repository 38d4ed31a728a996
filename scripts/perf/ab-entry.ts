/**
 * Interleaved A/B timing of one widget model in Node (tfjs WASM): A = the model code of a
 * baseline git ref (copied to a scratch folder), B = the working tree. Both share one tfjs.
 * Built and run by scripts/perf/ab.mjs.
 */
// @ts-nocheck
import * as settingsA from 'AB_BASE/widgets/AB_ID/settings';
import * as modelA from 'AB_BASE/widgets/AB_ID/model';
import * as settingsB from 'AB_WORK/widgets/AB_ID/settings';
import * as modelB from 'AB_WORK/widgets/AB_ID/model';
import { defaults } from 'AB_WORK/lib/params';
import { configureWasm, pickBackend, tf } from 'AB_WORK/lib/tf-backend';
import { decodeMnist, gunzip } from 'AB_WORK/lib/data/mnist';
import { readFileSync } from 'node:fs';

const [rounds, seconds] = [Number(process.env.AB_ROUNDS ?? 7), Number(process.env.AB_SECONDS ?? 1.5)];
const overrides = JSON.parse(process.env.AB_PARAMS ?? '{}');

async function main() {
  configureWasm(process.env.AB_WASM_DIR + '/');
  await pickBackend(['wasm']);
  const mnist = settingsB.bench.needsMnist ? decodeMnist(await gunzip(readFileSync(process.env.AB_MNIST))) : undefined;
  const mk = async (mod, s) => mod.createModel({ ...defaults(s.specs), ...overrides }, mnist);
  const a = await mk(modelA, settingsA);
  const b = await mk(modelB, settingsB);
  if (process.env.AB_CALL === 'view') for (const m of [a, b]) for (let i = 0; i < 20; i++) m.step();
  // Steps per second of this process's CPU time (user + system): on a machine shared with other
  // work, wall time mostly measures the neighbours. tfjs WASM in Node runs on one thread.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  // AB_CALL=view times model.view() (drawing data) instead of model.step().
  // AB_CALL=sample times one sampling run (pixelcnn-mnist: every pixel of the default batch of digits).
  const sample = (m) => {
    m.command('sample_start', {});
    m.command('sample_step', { pixels: 784 });
  };
  const call = process.env.AB_CALL === 'view' ? (m) => m.view() : process.env.AB_CALL === 'sample' ? sample : (m) => m.step();
  const time = (m) => {
    const c0 = cpu();
    let n = 0;
    while (cpu() - c0 < seconds) {
      call(m);
      n++;
    }
    return n / (cpu() - c0);
  };
  time(a); // warm-up (V8 optimises the WASM glue and the model code)
  time(b);
  const ratios = [];
  const ra = [];
  const rb = [];
  for (let r = 0; r < rounds; r++) {
    // alternate the order so that neither side always runs first
    const [x, y] = r % 2 ? [time(b), time(a)] : [time(a), time(b)];
    const [sa, sb] = r % 2 ? [y, x] : [x, y];
    ra.push(sa);
    rb.push(sb);
    ratios.push(sb / sa);
    console.log(`round ${r + 1}: A ${sa.toFixed(2)}  B ${sb.toFixed(2)} calls/cpu-s  B/A ${(sb / sa).toFixed(3)}`);
  }
  const med = (v) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)];
  console.log(`AB_ID median: A ${med(ra).toFixed(2)}  B ${med(rb).toFixed(2)} calls/cpu-s; median B/A ratio ${med(ratios).toFixed(3)} [${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)}]`);
  a.dispose();
  b.dispose();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
