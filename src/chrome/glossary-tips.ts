// Glossary tooltips (made at build time by src/plugins/rehype-glossary.mjs) show on hover and
// focus through CSS. This adds what CSS cannot: Escape hides the open tooltip (WCAG 1.4.13),
// and a tooltip that would run off the right edge opens to the left instead.
export function initGlossaryTips() {
  const terms = document.querySelectorAll<HTMLElement>('.gloss');
  if (terms.length === 0) return;
  const place = (g: HTMLElement) => {
    const tip = g.querySelector<HTMLElement>('.gloss-tip');
    if (!tip) return;
    g.classList.remove('flip');
    const r = g.getBoundingClientRect();
    const width = Math.min(20 * 16, window.innerWidth - 16);
    if (r.left + width > window.innerWidth - 8) g.classList.add('flip');
  };
  for (const g of terms) {
    g.addEventListener('mouseenter', () => {
      g.classList.remove('dismissed');
      place(g);
    });
    g.addEventListener('focusin', () => {
      g.classList.remove('dismissed');
      place(g);
    });
  }
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const g of document.querySelectorAll<HTMLElement>('.gloss:hover, .gloss:focus-within')) g.classList.add('dismissed');
  });
}
