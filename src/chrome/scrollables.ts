// A display equation (or, on a phone, a table) wider than the column scrolls sideways (.katex-display has overflow-x: auto).
// Keyboard users must be able to scroll it too: such equations (only those that overflow at the
// current width) get tabindex="0" and a label, so arrow keys scroll them (axe:
// scrollable-region-focusable). Re-checked when the window is resized.
function update() {
  for (const d of document.querySelectorAll<HTMLElement>('.katex-display, .chapter table')) {
    const overflows = d.scrollWidth > d.clientWidth + 1;
    if (overflows && !d.hasAttribute('tabindex')) {
      d.setAttribute('tabindex', '0');
      if (d.tagName !== 'TABLE') d.setAttribute('role', 'group');
      if (d.tagName !== 'TABLE') d.setAttribute('aria-label', 'Wide equation: scroll sideways');
      d.dataset.scrollable = 'true';
    } else if (!overflows && d.dataset.scrollable === 'true') {
      d.removeAttribute('tabindex');
      if (d.tagName !== 'TABLE') {
        d.removeAttribute('role');
        d.removeAttribute('aria-label');
      }
      delete d.dataset.scrollable;
    }
  }
}

export function initScrollables() {
  update();
  let t = 0;
  window.addEventListener('resize', () => {
    clearTimeout(t);
    t = window.setTimeout(update, 150);
  });
  // Fonts can change widths after load.
  document.fonts?.ready.then(update).catch(() => undefined);
}
