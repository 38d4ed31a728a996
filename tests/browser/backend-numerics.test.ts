/**
 * WebGL and WebGPU against WASM on a few training steps of two MNIST widgets, in Chromium with
 * its software WebGL and WebGPU (SwiftShader) standing in for a GPU: the same seed, the same
 * steps, the same readouts to within float32 differences between backends. Each is skipped,
 * with a message, where this Chromium does not offer it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { launch } from '../../scripts/browser.mjs';
import { baseUrl, metric, stepN, waitReady } from './helpers';

const browser = await launch(['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--enable-webgl', '--ignore-gpu-blocklist', '--enable-unsafe-webgpu']);
afterAll(() => browser.close());

const probe = await browser.newPage();
await probe.goto(baseUrl() + '/', { waitUntil: 'load' });
const hasWebgl = await probe.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
const hasWebgpu = await probe.evaluate(async () => {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  return !!gpu && !!(await gpu.requestAdapter().catch(() => null));
});
await probe.close();
if (!hasWebgl) console.warn('backend-numerics: WebGL SKIPPED, this Chromium offers no WebGL 2 (even with SwiftShader).');
if (!hasWebgpu) console.warn('backend-numerics: WebGPU SKIPPED, this Chromium offers no WebGPU adapter (even with --enable-unsafe-webgpu).');

/**
 * The readouts at step 0 (evaluations of the initial weights) and after 3 steps, or the message
 * of a backend that refused to start. Readouts are read once they stop changing: a paused widget
 * may refresh its evaluation (vae-mnist's test ELBO) a moment after the step count moves.
 */
async function readouts(path: string, id: string, backend: string, names: string[]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${baseUrl()}${path}?backend=${backend}#${id}`, { waitUntil: 'load' });
  await page.waitForFunction((w) => {
    const el = document.querySelector<HTMLElement>(`[data-widget="${w}"]`);
    return !!el && (el.dataset.failed !== undefined || el.dataset.backend !== undefined);
  }, id, { timeout: 180_000 });
  const failed = await page.locator(`[data-widget="${id}"]`).getAttribute('data-failed');
  if (failed !== null) {
    const status = (await page.locator(`[data-widget="${id}"] .status`).textContent()) ?? '';
    await page.close();
    return { failed, status, used: '', zero: {} as Record<string, number>, three: {} as Record<string, number> };
  }
  await waitReady(page, id, 180_000);
  const used = await page.locator(`[data-widget="${id}"] [data-metric="backend"]`).getAttribute('data-value');
  const read = async () => Object.fromEntries(await Promise.all(names.map(async (n) => [n, await metric(page, id, n)] as const)));
  const settled = async () => {
    let last = JSON.stringify(await read());
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(400);
      const now = JSON.stringify(await read());
      if (now === last) break;
      last = now;
    }
    return read();
  };
  const zero = await settled();
  await stepN(page, id, 3);
  const three = await settled();
  await page.close();
  return { failed: null, status: '', used, zero, three };
}

/** WASM's readouts, measured once per widget and compared with each GPU backend. */
const wasmRuns = new Map<string, ReturnType<typeof readouts>>();
const wasmOf = (path: string, id: string, names: readonly string[]) => {
  if (!wasmRuns.has(id)) wasmRuns.set(id, readouts(path, id, 'wasm', [...names]));
  return wasmRuns.get(id)!;
};

const CASES = [
  ['/chapters/04-generative-adversarial-networks/', 'mnist-gan', ['d_loss', 'g_loss']],
  ['/chapters/03-variational-autoencoders/', 'vae-mnist', ['elbo', 'recon', 'kl']],
] as const;

for (const [gpu, offered] of [
  ['webgl', hasWebgl],
  ['webgpu', hasWebgpu],
] as const) {
  describe.skipIf(!offered)(`${gpu} (SwiftShader) trains like WASM`, () => {
    for (const [path, id, names] of CASES) {
      // On the same initial weights the backends agree to 1e-4 relative. Adam's first updates
      // move every weight by about the learning rate whatever the size of its gradient, so weights
      // whose gradients are near zero take different-sign steps on two backends and the runs
      // drift apart (measured after 3 steps, WebGL: mnist-gan's losses 0.1 %, the VAE's KL 2 %):
      // there only a loose bound (5 %) holds, which still catches a wrong kernel or a NaN.
      it(`${id}: the readouts agree at step 0 (1e-4) and after 3 steps (5 %)`, async () => {
        const wasm = await wasmOf(path, id, names);
        const other = await readouts(path, id, gpu, [...names]);
        expect(wasm.used).toMatch(/^wasm/);
        if (gpu === 'webgpu' && other.failed === 'backend') {
          // tfjs's WebGPU backend reads results back synchronously (which the models do after
          // every step) through a canvas copy; in this Chromium's SwiftShader that copy gives
          // zeros. The start-up check catches it and the widget says which backend failed.
          expect(other.status).toMatch(/webgpu: wrong result 0/);
          console.warn(`backend-numerics: ${id} on WebGPU refused at start-up (${other.status}); numerics not compared.`);
          return;
        }
        expect(other.failed).toBeNull();
        expect(other.used).toBe(gpu);
        for (const n of names) {
          console.log(`${id} ${n}: step 0 wasm ${wasm.zero[n]} ${gpu} ${other.zero[n]}; step 3 wasm ${wasm.three[n]} ${gpu} ${other.three[n]}`);
          for (const [a, b, tol] of [
            [wasm.zero[n], other.zero[n], 1e-4],
            [wasm.three[n], other.three[n], 5e-2],
          ]) {
            expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
            expect(Math.abs(a - b)).toBeLessThan(tol * Math.max(1, Math.abs(a)));
          }
        }
      }, 600_000);
    }
  });
}
