/**
 * Build-time static figure for `vae-mnist`, drawn from the trained checkpoint
 * (public/checkpoints/vae-mnist.*, `npm run checkpoints`): the latent means of the 500 test
 * digits by class and the decoded 15 x 15 manifold, with the manifest's steps and test ELBO.
 */
import { lineChartSvg, pointsByClass } from '../../lib/svg';
import { trainedView } from '../../lib/book/checkpoint-files';
import { pngImageSvg, tileImages } from '../../lib/book/png';
import { createModel } from './model';
import * as settings from './settings';
import { VAE_GRID, type VaeView } from './settings';

let cached: Promise<{ svg: string; caption: string } | null> | null = null;

/** The trained figure and its caption, or null without a checkpoint. */
export function vaeTrainedFigure(): Promise<{ svg: string; caption: string } | null> {
  cached ??= draw();
  return cached;
}

async function draw() {
  const t = await trainedView<VaeView>(settings, createModel);
  if (!t) return null;
  const { view: v, manifest: m } = t;
  const series = pointsByClass(v.latent, v.labels);
  const elbo = m.metrics.elbo;
  const scatter = lineChartSvg(series, { width: 420, height: 400, xLabel: 'z1', yLabel: 'z2', title: `Latent means of 500 test digits after ${m.steps.toLocaleString('en-US')} steps` });
  const tiles = tileImages(v.grid, VAE_GRID * VAE_GRID, 28, 28, VAE_GRID);
  const manifold = pngImageSvg(tiles.pixels, tiles.width, tiles.height, 1, `Decoder means on a ${VAE_GRID} by ${VAE_GRID} grid of latent points (normal quantiles from ${(-v.gridRange).toFixed(2)} to ${v.gridRange.toFixed(2)})`);
  const caption =
    `The trained VAE from the book's checkpoint: ${m.steps.toLocaleString('en-US')} steps with the default settings and seed ${m.seed}, ` +
    `test ELBO ${elbo.value.toFixed(elbo.digits)} nats per image (KL ${m.metrics.kl.value.toFixed(m.metrics.kl.digits)}). ` +
    `First the latent means of the first 500 test digits, coloured by class, then the decoded manifold. ` +
    `With JavaScript the VAE trains live in your browser, from scratch or from this checkpoint (Load trained).`;
  return { svg: scatter + manifold, caption };
}
