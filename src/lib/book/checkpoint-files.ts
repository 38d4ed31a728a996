/**
 * Build time: a widget's checkpoint files (public/checkpoints/<id>.json and .bin, written by
 * `npm run checkpoints`) for its static figure, and the summary the page needs to offer
 * "Load trained" (Widget.astro puts it in `data-checkpoint`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaults, type ParamSpec } from '../params';
import { checkManifest, checkpointPaths, decodeWeights, type CheckpointManifest, type NamedWeights } from '../checkpoint';

export interface CheckpointFiles {
  manifest: CheckpointManifest;
  weights: NamedWeights;
}

const cache = new Map<string, CheckpointFiles | null>();

/** The checkpoint of a widget, or null when it has none. A broken file fails the build. */
export function readCheckpoint(id: string): CheckpointFiles | null {
  if (cache.has(id)) return cache.get(id)!;
  const paths = checkpointPaths(id);
  const jsonFile = join(process.cwd(), 'public', paths.manifest);
  let out: CheckpointFiles | null = null;
  if (existsSync(jsonFile)) {
    const manifest = checkManifest(JSON.parse(readFileSync(jsonFile, 'utf8')), id);
    const bytes = new Uint8Array(readFileSync(join(process.cwd(), 'public', paths.weights)));
    out = { manifest, weights: decodeWeights(bytes, manifest.tensors) };
  }
  cache.set(id, out);
  return out;
}

/** What the page needs to offer the checkpoint (no weights): the data-checkpoint attribute's JSON. */
export function checkpointSummary(id: string): string | undefined {
  const c = readCheckpoint(id);
  if (!c) return undefined;
  const { manifest: m } = c;
  const settings = Object.fromEntries(m.shapeKeys.map((k) => [k, m.settings[k]]));
  const metrics = Object.fromEntries(Object.entries(m.metrics).map(([k, v]) => [k, Number(v.value.toFixed(v.digits))]));
  return JSON.stringify({ widget: m.widget, steps: m.steps, settings, shapeKeys: m.shapeKeys, metrics });
}

/** "1,000 steps (default settings, seed 1): elbo -166.12, ..." for captions. */
export function checkpointCaption(m: CheckpointManifest, labels: Record<string, string> = {}): string {
  const metrics = Object.entries(m.metrics)
    .map(([k, v]) => `${labels[k] ?? k} ${v.value.toFixed(v.digits)}`)
    .join(', ');
  return `${m.steps.toLocaleString('en-US')} training steps with the default settings (seed ${m.seed}; ${m.note ?? ''}): ${metrics}`;
}

let mnistCache: Promise<import('../data/mnist').Mnist> | null = null;

/** The packed MNIST asset at build time (public/data/mnist.bin.gz). */
export function buildMnist(): Promise<import('../data/mnist').Mnist> {
  mnistCache ??= import('../data/mnist').then(async ({ decodeMnist, gunzip }) => decodeMnist(await gunzip(readFileSync(join(process.cwd(), 'public/data/mnist.bin.gz')))));
  return mnistCache;
}

/**
 * A widget's model with its checkpoint's weights in place (build-time figures), or null without a
 * checkpoint. The caller disposes the model.
 */
export async function loadTrained<M extends { load?(w: NamedWeights, step: number): void }>(
  id: string,
  defaults: Record<string, number | string | boolean>,
  create: (values: Record<string, number | string | boolean>, mnist: import('../data/mnist').Mnist) => M,
): Promise<{ model: M; manifest: CheckpointManifest } | null> {
  const ck = readCheckpoint(id);
  if (!ck) return null;
  const { buildBackend } = await import('./tf-build');
  await buildBackend();
  const model = create({ ...defaults, ...ck.manifest.settings }, await buildMnist());
  model.load!(ck.weights, ck.manifest.steps);
  return { model, manifest: ck.manifest };
}

/**
 * The view of a widget's model (its settings module's defaults, then the checkpoint's settings and
 * weights; the model is disposed once the view is taken), or null without a checkpoint: what a
 * build-time figure draws.
 */
export async function trainedView<V, M extends { load?(w: NamedWeights, step: number): void; view(): unknown; dispose(): void } = { view(): unknown; dispose(): void }>(
  settings: { id: string; specs: ParamSpec[] },
  create: (values: Record<string, number | string | boolean>, mnist: import('../data/mnist').Mnist) => M,
): Promise<{ view: V; manifest: CheckpointManifest } | null> {
  const t = await loadTrained(settings.id, defaults(settings.specs), create);
  if (!t) return null;
  try {
    return { view: t.model.view() as V, manifest: t.manifest };
  } finally {
    t.model.dispose();
  }
}
