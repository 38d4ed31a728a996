// The model-code hash of a widget's checkpoint: sha256 over the widget's model.ts and every file
// under src/ it imports (found by esbuild's bundler; node_modules are not part of it), each as
// its path relative to the repository root, a NUL, its text, a NUL, in path order.
// Used by scripts/checkpoints.mjs (written into the manifest) and tests/unit/checkpoints.test.ts.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..');

/** { hash, files } for src/widgets/<id>/model.ts. */
export async function modelCodeHash(id, root = repoRoot) {
  const result = await build({
    entryPoints: [`src/widgets/${id}/model.ts`],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = Object.keys(result.metafile.inputs)
    .filter((f) => f.startsWith('src/'))
    .sort();
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f);
    h.update('\0');
    // Line endings do not change the hash (a checkout with CRLF reads the same code).
    h.update(readFileSync(join(root, f), 'utf8').replace(/\r\n/g, '\n'));
    h.update('\0');
  }
  return { hash: h.digest('hex'), files };
}
