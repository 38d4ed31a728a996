/** Lazy start near the viewport; pause when scrolled out of view, resume when back. */
import type { WorkerLink } from './worker-link';

export function watchViewport(root: HTMLElement, link: WorkerLink) {
  if (!('IntersectionObserver' in window)) {
    link.ensureWorker();
    return;
  }
  const near = new IntersectionObserver(
    (entries) => {
      if (entries.some((en) => en.isIntersecting)) {
        link.ensureWorker();
        near.disconnect();
      }
    },
    { rootMargin: '400px 0px' },
  );
  near.observe(root);
  const seen = new IntersectionObserver((entries) => {
    for (const en of entries) {
      if (!en.isIntersecting) link.autoPause();
      else link.resumeIfAutoPaused();
    }
  });
  seen.observe(root);
}
