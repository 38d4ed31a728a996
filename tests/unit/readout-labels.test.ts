/**
 * One label per readout, and the "What to try" lists use it: a list never names a readout by its
 * internal metric name (`var_score`, **value_optimal**) when the screen shows a label, and no
 * readout shows its internal snake_case name as its label.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagName } from '../../src/lib/widget-id';
import type { MetricSpec } from '../../src/lib/metrics';

const root = join(__dirname, '../..');
const ids = readdirSync(join(root, 'src/widgets')).sort();

/** The readouts each widget declares in its settings.ts (`export const metrics`). */
const declared = new Map<string, MetricSpec[]>();
for (const id of ids) declared.set(id, (await import(`../../src/widgets/${id}/settings.ts`)).metrics);
const readouts = (id: string): MetricSpec[] => declared.get(id) ?? [];

/** Every "What to try" list in the chapters: the children of a widget tag. */
function whatToTry(): { id: string; chapter: string; text: string }[] {
  const out: { id: string; chapter: string; text: string }[] = [];
  const dir = join(root, 'content/chapters');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const id of ids) {
      const tag = tagName(id);
      for (const m of src.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))) out.push({ id, chapter: f, text: m[1] });
    }
  }
  return out;
}

describe('readout labels', () => {
  it('finds the widgets and their readouts', () => {
    expect(ids.length).toBeGreaterThan(15);
    expect(readouts('optimal-discriminator').map((r) => r.name)).toContain('value_optimal');
    expect(ids.filter((id) => readouts(id).length === 0)).toEqual([]);
    expect(whatToTry().length).toBeGreaterThan(15);
  });

  it('no readout shows its snake_case metric name as its label', () => {
    const raw = ids.flatMap((id) => readouts(id).filter((r) => r.name.includes('_') && r.label === r.name).map((r) => `${id}: ${r.name}`));
    expect(raw).toEqual([]);
  });

  it('"What to try" names readouts by the label on screen, not by the metric name', () => {
    const bad: string[] = [];
    for (const { id, chapter, text } of whatToTry()) {
      for (const r of readouts(id)) {
        if (r.label === r.name) continue;
        if (text.includes(`\`${r.name}\``) || text.includes(`**${r.name}**`)) bad.push(`${chapter} <${tagName(id)}>: ${r.name} (on screen: "${r.label}")`);
      }
    }
    expect(bad).toEqual([]);
  });
});
