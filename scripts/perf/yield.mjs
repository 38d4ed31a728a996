#!/usr/bin/env node
/**
 * How much of a Web Worker's time goes to training when it runs 24 ms slices and yields between
 * them with setTimeout(0) (A) or a MessageChannel post (B), in Debian's Chromium. Rounds
 * alternate A and B in one worker; prints the busy share of each and the B/A ratio.
 *   node scripts/perf/yield.mjs [--rounds=6] [--seconds=1]
 */
import { launch } from '../browser.mjs';

const arg = (k, d) => Number(process.argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
const rounds = arg('rounds', 6);
const seconds = arg('seconds', 1);

const worker = `
const ch = new MessageChannel();
let next = null;
ch.port1.onmessage = () => next();
function run(kind, ms) {
  return new Promise((done) => {
    const t0 = performance.now();
    let busy = 0;
    const tick = () => {
      const s = performance.now();
      while (performance.now() - s < 24) {}
      busy += performance.now() - s;
      if (performance.now() - t0 >= ms) return done(busy / (performance.now() - t0));
      if (kind === 'timeout') setTimeout(tick, 0);
      else { next = tick; ch.port2.postMessage(0); }
    };
    tick();
  });
}
onmessage = async (e) => postMessage(await run(e.data.kind, e.data.ms));
`;

const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto('about:blank');
  const out = await page.evaluate(
    async ({ src, rounds, ms }) => {
      const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
      const run = (kind) => new Promise((r) => ((w.onmessage = (e) => r(e.data)), w.postMessage({ kind, ms })));
      await run('timeout');
      await run('channel');
      const res = [];
      for (let i = 0; i < rounds; i++) {
        const order = i % 2 ? ['channel', 'timeout'] : ['timeout', 'channel'];
        const r = {};
        for (const k of order) r[k] = await run(k);
        res.push(r);
      }
      return res;
    },
    { src: worker, rounds, ms: seconds * 1000 },
  );
  const ratios = out.map((r) => r.channel / r.timeout);
  out.forEach((r, i) => console.log(`round ${i + 1}: busy share setTimeout(0) ${r.timeout.toFixed(3)}  MessageChannel ${r.channel.toFixed(3)}  B/A ${ratios[i].toFixed(3)}`));
  const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  console.log(`median B/A ${med(ratios).toFixed(3)} [${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)}]`);
} finally {
  await browser.close();
}
