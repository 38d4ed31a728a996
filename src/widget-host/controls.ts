/** The toolbar every widget gets: Play, Pause, Step, Reset, speed, Copy link, Full screen, Export. */
import { el } from './dom';

export const SPEEDS = [
  { value: 'max', label: 'Speed: fastest', rate: Infinity },
  { value: '30', label: 'Speed: 30 steps/s', rate: 30 },
  { value: '4', label: 'Speed: slow (4 steps/s)', rate: 4 },
] as const;

export type Speed = (typeof SPEEDS)[number]['value'];

/** Steps per second for a speed setting (unknown settings run at full speed). */
export function speedRate(value: string): number {
  return SPEEDS.find((s) => s.value === value)?.rate ?? Infinity;
}

export function isSpeed(value: string): value is Speed {
  return SPEEDS.some((s) => s.value === value);
}

export interface Controls {
  toolbar: HTMLElement;
  playBtn: HTMLButtonElement;
  pauseBtn: HTMLButtonElement;
  stepBtn: HTMLButtonElement;
  resetBtn: HTMLButtonElement;
  speedSel: HTMLSelectElement;
  copyBtn: HTMLButtonElement;
  fullBtn: HTMLButtonElement;
  exportMenu: HTMLDetailsElement;
  exportSummary: HTMLElement;
  exportItems: HTMLElement;
}

export function createControls(defaultSpeed: Speed = 'max'): Controls {
  const toolbar = el('div', { class: 'controls', role: 'toolbar', 'aria-label': 'Training controls' });
  const playBtn = el('button', { type: 'button', class: 'primary', 'data-action': 'play' }, 'Play');
  const pauseBtn = el('button', { type: 'button', 'data-action': 'pause' }, 'Pause');
  const stepBtn = el('button', { type: 'button', 'data-action': 'step' }, 'Step');
  const resetBtn = el('button', { type: 'button', 'data-action': 'reset' }, 'Reset');
  const speedSel = el('select', { 'aria-label': 'Training speed', 'data-action': 'speed' });
  for (const s of SPEEDS) speedSel.append(el('option', { value: s.value }, s.label));
  speedSel.value = defaultSpeed;
  const copyBtn = el('button', { type: 'button', 'data-action': 'copy-link' }, 'Copy link');
  const fullBtn = el('button', { type: 'button', 'data-action': 'fullscreen', 'aria-pressed': 'false', title: 'Full screen with large type (key F)' }, 'Full screen');
  const exportMenu = el('details', { class: 'export-menu', 'data-action': 'export' });
  const exportSummary = el('summary', {}, 'Export');
  const exportItems = el('div', { class: 'export-items', role: 'group', 'aria-label': 'Export charts and data' });
  exportMenu.append(exportSummary, exportItems);
  pauseBtn.disabled = true;
  toolbar.append(playBtn, pauseBtn, stepBtn, resetBtn, speedSel, copyBtn, fullBtn, exportMenu);
  return { toolbar, playBtn, pauseBtn, stepBtn, resetBtn, speedSel, copyBtn, fullBtn, exportMenu, exportSummary, exportItems };
}

/** What the toolbar's buttons do (the worker link's actions, Reset from scratch, the settings as a link). */
export interface ControlActions {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  setRate(stepsPerSecond: number): void;
  /** A link to the widget with its current settings (Copy link). */
  link(): string;
  setStatus(text: string): void;
}

/**
 * Wires the toolbar's buttons and speed to `actions`. Returns showRunning(), which enables Play
 * or Pause as the run starts and stops.
 */
export function bindControls(ui: Controls, root: HTMLElement, actions: ControlActions) {
  ui.playBtn.addEventListener('click', actions.play);
  ui.pauseBtn.addEventListener('click', actions.pause);
  ui.stepBtn.addEventListener('click', actions.step);
  ui.resetBtn.addEventListener('click', actions.reset);
  ui.speedSel.addEventListener('change', () => actions.setRate(speedRate(ui.speedSel.value)));
  ui.copyBtn.addEventListener('click', async () => {
    const text = actions.link();
    try {
      await navigator.clipboard.writeText(text);
      actions.setStatus(`Link copied: ${text}`);
    } catch {
      actions.setStatus(`Copy this link: ${text}`);
    }
    root.dataset.link = text;
  });
  return {
    showRunning(running: boolean, diverged: boolean) {
      // A button that disables itself while it has focus would drop focus to <body> (the next
      // Space would scroll the page, and S/R would no longer reach the widget): hand focus to
      // the button that does the opposite, or to the widget.
      const active = document.activeElement;
      const fromButton = active === ui.playBtn || active === ui.pauseBtn;
      ui.playBtn.disabled = running || diverged;
      ui.pauseBtn.disabled = !running;
      if (fromButton && (active as HTMLButtonElement).disabled) {
        const other = active === ui.playBtn ? ui.pauseBtn : ui.playBtn;
        (other.disabled ? root : other).focus({ preventScroll: true });
      }
    },
  };
}
