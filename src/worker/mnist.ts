/** MNIST inside a worker: fetched once from the site's own copy of the packed asset. */
import { loadMnist, MNIST_ASSET, type Mnist } from '../lib/data/mnist';
import { StageError } from '../lib/protocol';

export function getMnist(): Promise<Mnist> {
  const url = new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/') + MNIST_ASSET, self.location.origin);
  const fail = (why: string) => new StageError('data', `Could not load the MNIST digits from ${url.pathname}: ${why}`);
  return loadMnist(async () => {
    let res: Response;
    try {
      res = await fetch(url);
    } catch (err) {
      throw fail(`the download failed (${(err as Error).message})`);
    }
    if (!res.ok) throw fail(`the server answered ${res.status} ${res.statusText}`.trim());
    return res.arrayBuffer();
  }).catch((err) => {
    throw err instanceof StageError ? err : fail((err as Error).message);
  });
}
