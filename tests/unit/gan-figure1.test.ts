/** Chapter 4's live Figure 1: the numbers the chapter quotes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { startTf, tf } from './helpers/tf-node';
import { createModel as createGanFigure1, specs as ganFigure1Specs } from '../../src/widgets/gan-figure1/model';
import { defaults, parseValue, type NumberSpec } from '../../src/lib/params';

beforeAll(async () => {
  await startTf();
});

describe('gan-figure1', () => {
  it('rejects bad learning rates and K', () => {
    for (const name of ['lr_d', 'lr_g']) {
      const spec = ganFigure1Specs.find((s) => s.name === name) as NumberSpec;
      for (const bad of ['0', '-1', '1e9', 'abc']) expect(parseValue(spec, bad).ok, `${name}=${bad}`).toBe(false);
    }
    const k = ganFigure1Specs.find((s) => s.name === 'k') as NumberSpec;
    expect(parseValue(k, '0').ok).toBe(false);
    expect(parseValue(k, '2.5').ok).toBe(false);
  });

  it('default run: JSD falls from about 0.68 to below 0.05 within 400 steps and stays below 0.1 to step 1,000', () => {
    const m = createGanFigure1(defaults(ganFigure1Specs));
    const j0 = Number(m.metrics().jsd);
    expect(j0).toBeGreaterThan(0.65);
    expect(j0).toBeLessThan(0.7);
    expect(Number.isFinite(Number(m.metrics().d_loss))).toBe(true);
    for (let s = 0; s < 400; s++) m.step();
    expect(Number(m.metrics().jsd)).toBeLessThan(0.05);
    for (let s = 400; s < 1000; s += 100) {
      for (let i = 0; i < 100; i++) m.step();
      expect(Number(m.metrics().jsd), `step ${s + 100}`).toBeLessThan(0.1);
    }
    m.dispose();
  });

  it('D-only and G-only steps move only their own player; K discriminator steps per step', () => {
    const m = createGanFigure1({ ...defaults(ganFigure1Specs), k: 3 });
    const g0 = m.generate([-0.5, 0, 0.5]);
    m.command!('d_step', { n: 5 });
    expect(Array.from(m.generate([-0.5, 0, 0.5]))).toEqual(Array.from(g0));
    const d1 = m.view().d;
    m.command!('g_step', { n: 1 });
    expect(Array.from(m.view().d)).toEqual(Array.from(d1));
    expect(Array.from(m.generate([-0.5, 0, 0.5]))).not.toEqual(Array.from(g0));
    m.step();
    const mt = m.metrics();
    expect(mt.d_steps).toBe(8);
    expect(mt.g_steps).toBe(2);
    m.dispose();
  });

  it('keeps the tensor count flat over a few steps', () => {
    const m = createGanFigure1({ ...defaults(ganFigure1Specs), batch: 8 });
    m.step();
    m.metrics();
    m.view();
    const n1 = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) m.step();
    m.command!('d_step', { n: 3 });
    m.metrics();
    m.view();
    expect(tf.memory().numTensors).toBe(n1);
    m.dispose();
  });
});

describe('gan-figure1: the text matches the widget (one panel)', () => {
  it("every mention of panels (b)-(d) in the widget's list speaks of the paper's figure, not of widget panels", async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = 'content/chapters';
    const file = readdirSync(dir).find((f) => f.startsWith('04-'))!;
    const mdx = readFileSync(`${dir}/${file}`, 'utf8');
    const list = mdx.slice(mdx.indexOf('<GanFigure1>'), mdx.indexOf('</GanFigure1>'));
    expect(list.length).toBeGreaterThan(100);
    // no item reads as if the widget had panels of its own
    expect(list).not.toMatch(/^- Panel \(/m);
    for (const m of list.matchAll(/panel \(([b-d])\)/gi)) {
      const around = list.slice(Math.max(0, m.index! - 40), m.index! + 20);
      expect(around, m[0]).toMatch(/paper's|As in/);
    }
    // the prose before the widget says that it draws one panel
    const before = mdx.slice(0, mdx.indexOf('<GanFigure1>'));
    expect(before.slice(-600)).toMatch(/one panel, not four/);
  });
});
