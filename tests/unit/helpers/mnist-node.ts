/** The packed MNIST asset in Node tests (packed first if missing). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeMnist, gunzip, type Mnist } from '../../../src/lib/data/mnist';

const root = join(import.meta.dirname, '../../..');
const file = join(root, 'public/data/mnist.bin.gz');
let cache: Promise<Mnist> | null = null;

export function mnistNode(): Promise<Mnist> {
  if (!cache) {
    if (!existsSync(file)) execFileSync('node', [join(root, 'scripts/pack-mnist.mjs')], { stdio: 'inherit' });
    cache = gunzip(readFileSync(file)).then(decodeMnist);
  }
  return cache;
}
