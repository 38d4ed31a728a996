/**
 * Observable Plot puts aria-label on <g> elements, which have no role (axe: aria-prohibited-attr).
 * Charts are exposed as one image each (role="img" with a label); the numbers themselves are in
 * the readouts, which screen readers can reach.
 */
export function tidyChartsA11y(container: HTMLElement) {
  for (const g of container.querySelectorAll('svg g[aria-label], svg g[aria-description]')) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  // A labelled box around a chart needs a role for its label to be allowed.
  for (const box of container.querySelectorAll<HTMLElement>('div[aria-label]:not([role])')) box.setAttribute('role', 'group');
  for (const svg of container.querySelectorAll<SVGSVGElement>('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    if (!svg.hasAttribute('role')) svg.setAttribute('role', 'img');
    if (!svg.hasAttribute('aria-label')) {
      const box = svg.closest('[aria-label]');
      svg.setAttribute('aria-label', box?.getAttribute('aria-label') ?? 'chart');
    }
  }
}
