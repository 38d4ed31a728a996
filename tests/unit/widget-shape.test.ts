/**
 * Every widget has one shape and one spelling (docs/ARCHITECTURE.md): the id names the folder
 * src/widgets/<id>/ with settings.ts (id, specs, metrics), model.ts, worker.ts and client.ts, the component
 * components/widgets/<id>.astro, the MDX tag <PascalCaseId>, the `data-widget` root, the worker
 * module the shared entry loads by id, and a unit test file tests/unit/<id>[.claims].test.ts. Page code never reaches tfjs.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idFromPath, tagName } from '../../src/lib/widget-id';

const root = normalize(join(dirname(fileURLToPath(import.meta.url)), '../..'));
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const ids = readdirSync(join(root, 'src/widgets')).sort();
const components = readdirSync(join(root, 'components/widgets')).filter((f) => f.endsWith('.astro'));
const chapters = readdirSync(join(root, 'content/chapters')).map((f) => read(`content/chapters/${f}`)).join('\n');
const unitTests = readdirSync(join(root, 'tests/unit'));

describe('widget ids', () => {
  it('tag names are the ids in PascalCase', () => {
    expect(tagName('w1-1d')).toBe('W11d');
    expect(tagName('gan-2d')).toBe('Gan2d');
    expect(tagName('js-saturation')).toBe('JsSaturation');
    expect(idFromPath('./widgets/distances-vs-offset.astro')).toBe('distances-vs-offset');
    expect(idFromPath('../widgets/gan-2d/settings.ts')).toBe('gan-2d');
  });

  it('every widget folder has a component and every component a folder', () => {
    expect(components.map((f) => f.replace(/\.astro$/, '')).sort()).toEqual(ids);
  });

  it('every widget tag used in a chapter names a widget', () => {
    const known = new Set([...ids.map(tagName), 'Exercise', 'Callout', 'Fragment']);
    const used = new Set([...chapters.matchAll(/^<([A-Z][A-Za-z0-9]*)\b/gm)].map((m) => m[1]));
    expect([...used].filter((t) => !known.has(t))).toEqual([]);
  });

  for (const id of ids) {
    describe(id, () => {
      it('has its files, named by role', () => {
        for (const f of ['settings.ts', 'model.ts', 'worker.ts', 'client.ts']) expect(existsSync(join(root, 'src/widgets', id, f)), `${id}/${f}`).toBe(true);
        // client-<part>.ts: a part of the page side that client.ts imports (a canvas, a diagram).
        const extra = readdirSync(join(root, 'src/widgets', id)).filter(
          (f) => !['settings.ts', 'model.ts', 'worker.ts', 'client.ts', 'figure.ts', 'data.ts', 'checkpoint.ts'].includes(f) && !/^client-[a-z0-9-]+\.ts$/.test(f),
        );
        expect(extra, `unexpected files in src/widgets/${id}`).toEqual([]);
      });

      it('spells its id the same everywhere', async () => {
        const settings = await import(`../../src/widgets/${id}/settings.ts`);
        expect(settings.id).toBe(id);
        expect(Array.isArray(settings.specs) && settings.specs.length > 0).toBe(true);
        expect(typeof settings.bench?.steps).toBe('number');
        // The readouts are declared beside the specs: named once, labelled, no name twice.
        const metrics = settings.metrics as { name: string; label: string }[];
        expect(Array.isArray(metrics) && metrics.length > 0, `${id}/settings.ts exports metrics`).toBe(true);
        for (const m of metrics) expect(typeof m.name === 'string' && m.name.length > 0 && typeof m.label === 'string' && m.label.length > 0, `${id}: ${JSON.stringify(m)}`).toBe(true);
        expect(new Set(metrics.map((m) => m.name)).size, `${id}: a metric name twice`).toBe(metrics.length);
        expect(metrics.map((m) => m.name).filter((n) => n === 'step' || n === 'backend'), `${id}: step and backend are the host's`).toEqual([]);
        const component = read(`components/widgets/${id}.astro`);
        if (id !== 'gan-2d') {
          // gan-2d takes its instance id as a prop (default 'gan-2d'); checked below.
          expect(component).toContain(`<Widget id="${id}"`);
          expect(component).toContain(`[data-widget="${id}"]`);
        } else {
          expect(component).toContain(`id = '${id}'`);
        }
        expect(component).toContain(`src/widgets/${id}/client`);
        const client = read(`src/widgets/${id}/client.ts`);
        // The client hands its settings module (id, specs, metrics) to mountWidget; the host starts
        // the shared worker entry (src/worker/entry.ts), which loads src/widgets/<id>/worker.ts by that id.
        expect(client).toMatch(/^import \* as settings from '\.\/settings';$/m);
        expect(client).toMatch(/\bmountWidget\(settings, root, \{/);
        expect(client).not.toContain('new Worker(');
        // Specs, presets and view types live in settings.ts; settings.ts never reaches into the model,
        // and the client imports nothing but types from it.
        expect(read(`src/widgets/${id}/settings.ts`)).not.toMatch(/from '\.\/model'/);
        for (const m of client.matchAll(/^import (type )?\{([^}]*)\} from '\.\/model';/gm)) {
          const values = m[1] ? [] : m[2].split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '));
          expect(values.filter((n) => n !== 'maskGridSvg'), `${id}/client.ts imports values from ./model`).toEqual([]);
        }
        expect(read(`src/widgets/${id}/worker.ts`)).toMatch(/\bserve\(/);
        expect(client).not.toMatch(new RegExp(`['"\`]${id}['"\`]`));
        expect(chapters + read('src/pages/playground.astro')).toMatch(new RegExp(`<${tagName(id)}\\b`));
      });

      it('has a unit test file', () => {
        expect(unitTests.filter((f) => f === `${id}.test.ts` || f === `${id}.claims.test.ts`), `tests/unit/${id}.test.ts`).not.toEqual([]);
      });

      it('exports its factory as createModel', () => {
        expect(read(`src/widgets/${id}/model.ts`)).toMatch(/export (async )?function createModel\(/);
      });
    });
  }
});

/** Relative imports (static and dynamic) of a source file, resolved to files; bare ones as is. */
function imports(file: string): string[] {
  const src = read(file);
  const out: string[] = [];
  // Astro components: only their client <script> runs in the page.
  const code = file.endsWith('.astro') ? [...src.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : src;
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) {
      out.push(spec);
      continue;
    }
    const base = normalize(join(dirname(file), spec.split('?')[0]));
    const hit = [base, `${base}.ts`, `${base}/index.ts`].find((p) => existsSync(join(root, p)) && /\.(ts|mjs|js)$/.test(p));
    if (hit) out.push(relative(root, join(root, hit)));
  }
  return out;
}

describe('page code stays free of tfjs', () => {
  const clientParts = ids.flatMap((id) => readdirSync(join(root, 'src/widgets', id)).filter((f) => /^client-[a-z0-9-]+\.ts$/.test(f)).map((f) => `src/widgets/${id}/${f}`));
  const entries = [
    ...components.map((f) => `components/widgets/${f}`),
    ...ids.map((id) => `src/widgets/${id}/client.ts`),
    ...clientParts,
    ...ids.map((id) => `src/widgets/${id}/settings.ts`),
  ];
  for (const entry of entries) {
    it(entry, () => {
      const seen = new Set<string>();
      const path: Record<string, string> = {};
      const todo = [entry];
      while (todo.length) {
        const f = todo.pop()!;
        if (seen.has(f)) continue;
        seen.add(f);
        if (!f.includes('/') || f.startsWith('@')) {
          expect(f.startsWith('@tensorflow/'), `${entry} reaches ${f} via ${path[f]}`).toBe(false);
          continue;
        }
        expect(f, `${entry} reaches ${f} via ${path[f]}`).not.toMatch(/lib\/tf-backend|src\/worker\//);
        for (const dep of imports(f)) {
          path[dep] ??= f;
          todo.push(dep);
        }
      }
    });
  }
});
