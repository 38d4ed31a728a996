/**
 * Lazy start near the viewport; pause when scrolled out of view, resume when back. Inside an
 * element marked data-widget-start="intent" (the playground, whose widget is in view at load) the
 * worker, and with it tfjs, waits for the reader: a scroll that brings the widget near, the
 * pointer over it, focus in it, or any control (Play, Step, a setting: they start the worker).
 */
import type { WorkerLink } from './worker-link';

export function watchViewport(root: HTMLElement, link: WorkerLink) {
  if (!('IntersectionObserver' in window)) {
    link.ensureWorker();
    return;
  }
  const intentOnly = root.closest('[data-widget-start="intent"]') !== null;
  const near = new IntersectionObserver(
    (entries) => {
      if (entries.some((en) => en.isIntersecting)) {
        link.ensureWorker();
        near.disconnect();
      }
    },
    { rootMargin: '400px 0px' },
  );
  if (intentOnly) {
    const start = () => {
      link.ensureWorker();
      near.disconnect();
      root.removeEventListener('pointerenter', start);
      root.removeEventListener('focusin', start);
      window.removeEventListener('scroll', onScroll);
    };
    const onScroll = () => {
      window.removeEventListener('scroll', onScroll);
      near.observe(root);
    };
    root.addEventListener('pointerenter', start);
    root.addEventListener('focusin', start);
    window.addEventListener('scroll', onScroll, { passive: true });
  } else near.observe(root);
  const seen = new IntersectionObserver((entries) => {
    for (const en of entries) {
      if (!en.isIntersecting) link.autoPause();
      else link.resumeIfAutoPaused();
    }
  });
  seen.observe(root);
}
