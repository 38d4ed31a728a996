/** A trained checkpoint inside a worker: fetch the manifest and weights, check them, decode. */
import { checkManifest, checkpointMismatch, decodeWeights, type CheckpointManifest, type NamedWeights } from '../lib/checkpoint';
import type { Values } from '../lib/params';
import { StageError } from '../lib/protocol';

export async function fetchCheckpoint(
  urls: { manifest: string; weights: string },
  values: Values,
): Promise<{ manifest: CheckpointManifest; weights: NamedWeights }> {
  const get = async (url: string, what: string): Promise<Response> => {
    const path = new URL(url).pathname;
    let res: Response;
    try {
      res = await fetch(url);
    } catch (err) {
      throw new StageError('checkpoint', `Could not load the trained checkpoint's ${what} from ${path}: the download failed (${(err as Error).message})`);
    }
    if (!res.ok) throw new StageError('checkpoint', `Could not load the trained checkpoint's ${what} from ${path}: the server answered ${`${res.status} ${res.statusText}`.trim()}`);
    return res;
  };
  const bad = (what: string, url: string, why: string) =>
    new StageError('checkpoint', `The trained checkpoint's ${what} at ${new URL(url).pathname} is not usable: ${why}`);
  const res = await get(urls.manifest, 'manifest');
  let manifest: CheckpointManifest;
  try {
    manifest = checkManifest(JSON.parse(await res.text()));
  } catch (err) {
    throw bad('manifest', urls.manifest, (err as Error).message);
  }
  const mismatch = checkpointMismatch(manifest, values);
  if (mismatch) throw new StageError('checkpoint', mismatch);
  const bytes = new Uint8Array(await (await get(urls.weights, 'weights')).arrayBuffer());
  if (bytes.byteLength !== manifest.bytes) throw bad('weights', urls.weights, `${bytes.byteLength} bytes where the manifest says ${manifest.bytes}`);
  try {
    return { manifest, weights: decodeWeights(bytes, manifest.tensors) };
  } catch (err) {
    throw bad('weights', urls.weights, (err as Error).message);
  }
}
