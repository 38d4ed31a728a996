/**
 * Lecture mode and full screen: `?<id>.controls=off` hides the toolbar and inputs (the figure
 * becomes a Tab stop; keys still work), `?<id>.lecture=on` sets large type, and the Full screen
 * button or F shows the widget alone with large type (the whole window where the Fullscreen API
 * is missing or refused; Escape or F leaves).
 */
export function setupLecture(opts: {
  root: HTMLElement;
  controlsOff: boolean;
  lecture: boolean;
  fullBtn: HTMLButtonElement;
  /** Called when the size changes (redraw). */
  onResize: () => void;
}): { toggleFullscreen(): void } {
  const { root, fullBtn } = opts;
  if (opts.controlsOff) {
    root.dataset.controls = 'off';
    root.setAttribute('tabindex', '0');
    root.setAttribute('aria-keyshortcuts', 'Space S R F');
  }
  if (opts.lecture) root.classList.add('lecture');
  function setFullscreenState(on: boolean) {
    root.classList.toggle('lecture', on || opts.lecture);
    fullBtn.setAttribute('aria-pressed', String(on));
    fullBtn.textContent = on ? 'Exit full screen' : 'Full screen';
    root.dataset.fullscreen = String(on);
    opts.onResize();
  }
  function toggleFullscreen() {
    const doc = document as Document & { webkitFullscreenElement?: Element; webkitExitFullscreen?: () => void };
    const active = document.fullscreenElement ?? doc.webkitFullscreenElement;
    if (active === root) {
      void (document.exitFullscreen?.() ?? doc.webkitExitFullscreen?.());
      return;
    }
    if (root.classList.contains('overlay')) {
      root.classList.remove('overlay');
      setFullscreenState(false);
      return;
    }
    const req = root.requestFullscreen?.bind(root) ?? (root as HTMLElement & { webkitRequestFullscreen?: () => Promise<void> }).webkitRequestFullscreen?.bind(root);
    const fallback = () => {
      // No Fullscreen API (or refused): fill the window instead; Escape or F leaves.
      root.classList.add('overlay');
      setFullscreenState(true);
    };
    if (!req) fallback();
    else Promise.resolve(req()).catch(fallback);
    root.focus({ preventScroll: true });
  }
  document.addEventListener('fullscreenchange', () => {
    if (document.fullscreenElement === root) setFullscreenState(true);
    else if (root.dataset.fullscreen === 'true' && !root.classList.contains('overlay')) setFullscreenState(false);
  });
  fullBtn.addEventListener('click', toggleFullscreen);
  return { toggleFullscreen };
}
