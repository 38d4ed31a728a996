// Page chrome: the theme toggle (system / light / dark, remembered) and the mobile contents toggle.
const KEY = 'dgm-theme';
type Theme = 'auto' | 'light' | 'dark';
const ORDER: Theme[] = ['auto', 'light', 'dark'];

function readTheme(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'auto';
  } catch {
    return 'auto';
  }
}

function applyTheme(t: Theme, button: HTMLButtonElement | null) {
  if (t === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = t;
  if (button) {
    button.textContent = `Theme: ${t}`;
  }
}

export function initChrome() {
  const themeBtn = document.querySelector<HTMLButtonElement>('.theme-toggle');
  applyTheme(readTheme(), themeBtn);
  themeBtn?.addEventListener('click', () => {
    const next = ORDER[(ORDER.indexOf(readTheme()) + 1) % ORDER.length];
    try {
      if (next === 'auto') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, next);
    } catch {
      /* storage may be blocked; the theme still applies for this page */
    }
    applyTheme(next, themeBtn);
    document.dispatchEvent(new CustomEvent('dgm-theme-change'));
  });
  const navBtn = document.querySelector<HTMLButtonElement>('.nav-toggle');
  const nav = document.getElementById('book-nav');
  navBtn?.addEventListener('click', () => {
    const open = navBtn.getAttribute('aria-expanded') !== 'true';
    navBtn.setAttribute('aria-expanded', String(open));
    nav?.classList.toggle('open', open);
  });
}
