// Glossary tooltips (made at build time by src/plugins/rehype-glossary.mjs) show on hover and
// focus through CSS. This adds what CSS cannot: Escape hides the open tooltip (WCAG 1.4.13),
// and a tooltip is shifted so that it stays inside the window.
export function initGlossaryTips() {
  const terms = document.querySelectorAll<HTMLElement>('.gloss');
  if (terms.length === 0) return;
  const place = (g: HTMLElement) => {
    const tip = g.querySelector<HTMLElement>('.gloss-tip');
    if (!tip) return;
    // Keep the tip inside the window: start under the term, shifted left as far as the right
    // edge needs and never past the left edge (on a phone a tip is nearly the window's width).
    const vw = document.documentElement.clientWidth || window.innerWidth;
    tip.style.left = '0px';
    tip.style.display = 'block';
    const t = tip.getBoundingClientRect();
    tip.style.display = '';
    const left = Math.max(8, Math.min(t.left, vw - 8 - t.width));
    tip.style.left = `${Math.round(left - t.left)}px`;
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
