/**
 * One spelling per widget: the id (kebab-case) names the folder src/widgets/<id>/, the component
 * components/widgets/<id>.astro, the worker and the URL keys; the MDX tag is the id in PascalCase.
 */

/** `w1-1d` -> `W11d`, `gan-2d` -> `Gan2d`, `js-saturation` -> `JsSaturation`. */
export function tagName(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The widget id a path such as `./widgets/gan-2d.astro` or `../widgets/gan-2d/settings.ts` names. */
export function idFromPath(path: string): string {
  const m = /widgets\/([a-z0-9-]+)(?:\.astro|\/[^/]+)$/.exec(path);
  if (!m) throw new Error(`not a widget path: ${path}`);
  return m[1];
}
