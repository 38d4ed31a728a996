import { chartBox } from '../../widget-host/chart-box';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { PixelcnnMaskView } from './settings';
import { maskGridSvg } from './model';

const CELL = 14;

export function mountPixelcnnMask(root: HTMLElement) {
  const gridBox = chartBox(undefined, 'pcnn-grid');
  let note: HTMLElement;
  let view: PixelcnnMaskView | null = null;
  let cursor: [number, number] = [14, 14];
  let cursorShown = false;

  function redraw() {
    if (!view) return;
    gridBox.innerHTML = maskGridSvg(view, { cell: CELL, cursor: cursorShown ? cursor : null, idPrefix: 'pcnn-live' });
    const layoutText = view.layout === 'plain' ? 'one masked stack' : 'vertical and horizontal stacks';
    note.textContent = `Pixel (${view.row}, ${view.col}), ${view.depth} of ${view.layers} layers, ${layoutText}.` + (cursorShown ? ` Cursor at (${cursor[0]}, ${cursor[1]}): Enter selects.` : '');
  }

  const handle = mountWidget(settings, root, {
    visible: ['layout', 'layers', 'first_kernel', 'kernel'],
    // Layer-by-layer growth is only visible slowly: start at 4 steps per second.
    defaultSpeed: '4',
    setup(charts, h) {
      gridBox.tabIndex = 0;
      gridBox.setAttribute('role', 'application');
      gridBox.setAttribute('aria-label', 'A 28 by 28 pixel grid. Click a pixel, or move the cursor with the arrow keys and press Enter, to see which pixels can influence it.');
      note = document.createElement('p');
      note.className = 'hint';
      note.setAttribute('aria-live', 'polite');
      const legend = document.createElement('p');
      legend.className = 'hint pcnn-legend';
      // One item per key, never broken between its swatch and its words.
      legend.innerHTML = [
        '<span class="sw sel"></span> chosen pixel',
        '<span class="sw inf"></span> can influence it',
        '<span class="sw blind"></span> blind spot (before it, within reach, unseen)',
        '<span class="sw out"></span> before it, out of reach',
        '<span class="sw fut"></span> after it in raster order',
      ].map((item) => `<span class="item">${item}</span>`).join(' ');
      charts.append(gridBox, legend, note);

      const select = async (r: number, c: number) => {
        try {
          await h.command('select', { row: r, col: c });
        } catch (err) {
          h.setStatus((err as Error).message, 'error');
        }
      };
      // pointerdown, not click: focusing the grid redraws it, and a click whose pressed element
      // was replaced in between is never delivered.
      gridBox.addEventListener('pointerdown', (e) => {
        if (e.button !== 0) return;
        const svg = gridBox.querySelector('svg');
        if (!svg) return;
        const rect = svg.getBoundingClientRect();
        const n = view?.size ?? 28;
        const c = Math.floor(((e.clientX - rect.left) / rect.width) * n);
        const r = Math.floor(((e.clientY - rect.top) / rect.height) * n);
        if (r < 0 || c < 0 || r >= n || c >= n) return;
        cursor = [r, c];
        cursorShown = true;
        select(r, c);
      });
      gridBox.addEventListener('keydown', (e: KeyboardEvent) => {
        const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
        const n = view?.size ?? 28;
        if (moves[e.key]) {
          e.preventDefault();
          e.stopPropagation();
          cursorShown = true;
          cursor = [Math.min(n - 1, Math.max(0, cursor[0] + moves[e.key][0])), Math.min(n - 1, Math.max(0, cursor[1] + moves[e.key][1]))];
          redraw();
        } else if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          cursorShown = true;
          select(cursor[0], cursor[1]);
        }
      });
      gridBox.addEventListener('focus', () => {
        if (view && !cursorShown) {
          cursor = [view.row, view.col];
          cursorShown = true;
          redraw();
        }
      });
      gridBox.addEventListener('blur', () => {
        cursorShown = false;
        redraw();
      });
    },
    draw(v: PixelcnnMaskView) {
      view = v;
      redraw();
    },
  });
  return handle;
}
