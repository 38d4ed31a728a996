/** Keys while the widget has focus (not while typing in a field): Space, S, R, F, Escape. */
export function bindKeys(
  root: HTMLElement,
  keys: { playPause(): void; step(): void; reset(): void; fullscreen(): void },
) {
  root.addEventListener('keydown', (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (t.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' && t.tagName !== 'BUTTON') {
      e.preventDefault();
      keys.playPause();
    } else if (e.key === 's' || e.key === 'S') {
      e.preventDefault();
      keys.step();
    } else if (e.key === 'r' || e.key === 'R') {
      e.preventDefault();
      keys.reset();
    } else if (e.key === 'f' || e.key === 'F') {
      e.preventDefault();
      keys.fullscreen();
    } else if (e.key === 'Escape' && root.classList.contains('overlay')) {
      e.preventDefault();
      keys.fullscreen();
    }
  });
}
