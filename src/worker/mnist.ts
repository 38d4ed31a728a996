/** MNIST inside a worker: fetched once from the site's own copy of the packed asset. */
import { loadMnist, MNIST_ASSET, type Mnist } from '../lib/data/mnist';

export function getMnist(): Promise<Mnist> {
  return loadMnist(async () => {
    const url = new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/') + MNIST_ASSET, self.location.origin);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Could not load the MNIST digits (${res.status} ${res.statusText})`);
    return res.arrayBuffer();
  });
}
