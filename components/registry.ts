/**
 * The components chapters may use without importing anything: Exercise, Callout and one tag per
 * widget. The widget tags are found, not listed: every components/widgets/<id>.astro becomes the
 * tag <PascalCaseId> (`w1-1d.astro` -> `<W11d>`).
 */
import Exercise from './Exercise.astro';
import Callout from './Callout.astro';
import { idFromPath, tagName } from '../src/lib/widget-id';

type Component = typeof Exercise;

const found = import.meta.glob<Component>('./widgets/*.astro', { eager: true, import: 'default' });

export const widgetTags: Record<string, Component> = Object.fromEntries(
  Object.entries(found).map(([path, component]) => [tagName(idFromPath(path)), component]),
);

export const widgets: Record<string, Component> = { Exercise, Callout, ...widgetTags };
