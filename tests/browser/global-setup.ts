/** Serves the built site (dist/) on loopback for the browser tests. Run `npm run build` first. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDir } from '../../scripts/static-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dist = join(import.meta.dirname, '../../dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  const server = await serveDir(dist);
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
