/**
 * "Load trained": widgets with a checkpoint (Widget.astro's `data-checkpoint`, written at build
 * time from public/checkpoints/<id>.json) get a button that restarts the worker from the trained
 * weights, and the URL state `<id>.from=trained`. The button is disabled, with the reason shown,
 * while a setting the weights depend on (hidden units, latent size, prior) differs from the
 * checkpoint's. Reset starts from scratch again.
 */
import { checkpointMismatch, checkpointPaths } from '../lib/checkpoint';
import type { ParamSpec, Values } from '../lib/params';
import { el } from './dom';

export interface CheckpointSummary {
  widget: string;
  steps: number;
  settings: Record<string, number | string | boolean>;
  shapeKeys: string[];
  metrics: Record<string, number>;
}

export interface Trained {
  /** The toolbar button and its note (for the controller to place). */
  button: HTMLButtonElement;
  note: HTMLElement;
  /** Whether the next init loads the checkpoint. */
  active(): boolean;
  /** URLs for the worker while active, else undefined. */
  urls(): { manifest: string; weights: string } | undefined;
  /** Call after the settings changed: drops trained mode (saying why) when the checkpoint no longer fits. */
  settingsChanged(): string | null;
  /** Leave trained mode (Reset). */
  clear(): void;
}

export function readSummary(root: HTMLElement): CheckpointSummary | null {
  const raw = root.dataset.checkpoint;
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as CheckpointSummary;
    return typeof s.steps === 'number' && Array.isArray(s.shapeKeys) && typeof s.widget === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function setupTrained(opts: {
  id: string;
  root: HTMLElement;
  summary: CheckpointSummary;
  specs: ParamSpec[];
  values: () => Values;
  /** From the URL (`<id>.from=trained`). */
  initially: boolean;
  /** The URL also asks for lecture mode: bring the widget into view when the link names no anchor. */
  lecture?: boolean;
  /** Restart the worker (from the checkpoint while active). */
  restart: () => void;
  setStatus: (text: string, kind?: 'info' | 'warn' | 'error') => void;
}): Trained {
  const { id, root, summary } = opts;
  const label = (name: string) => opts.specs.find((s) => s.name === name)?.label ?? name;
  const steps = summary.steps.toLocaleString('en-US');
  const noteId = `${id}-trained-note`;
  const button = el('button', { type: 'button', 'data-action': 'load-trained', 'aria-describedby': noteId, title: `Start from the model trained for ${steps} steps (default settings)` }, 'Load trained');
  const note = el('span', { class: 'hint trained-note', id: noteId });
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const paths = checkpointPaths(summary.widget);
  const abs = (p: string) => new URL(base + p, window.location.origin).href;
  const mismatch = () => checkpointMismatch(summary, opts.values(), label);
  let active = false;

  function setUrl(on: boolean) {
    const url = new URL(window.location.href);
    if (on) url.searchParams.set(`${id}.from`, 'trained');
    else url.searchParams.delete(`${id}.from`);
    history.replaceState(history.state, '', url);
  }
  function setActive(on: boolean) {
    active = on;
    if (on) root.dataset.from = 'trained';
    else delete root.dataset.from;
    setUrl(on);
  }
  function refresh(): string | null {
    const why = mismatch();
    button.disabled = why !== null;
    note.textContent = why ?? (active ? `Started from ${steps} trained steps.` : '');
    return why;
  }

  button.addEventListener('click', () => {
    if (refresh()) return;
    setActive(true);
    refresh();
    opts.restart();
    opts.setStatus(`Started from the trained checkpoint (${steps} steps with the default settings). Play continues training; Reset starts from scratch.`);
  });

  if (opts.initially) {
    const why = refresh();
    if (why) {
      setUrl(false);
      opts.setStatus(`Not loading the trained model: ${why}`, 'warn');
    } else {
      setActive(true);
      // A lecture link (?<id>.from=trained&<id>.lecture=on) opens on the widget itself.
      if (opts.lecture && !window.location.hash) requestAnimationFrame(() => root.scrollIntoView({ block: 'start' }));
    }
  }
  refresh();

  return {
    button,
    note,
    active: () => active,
    urls: () => (active ? { manifest: abs(paths.manifest), weights: abs(paths.weights) } : undefined),
    settingsChanged() {
      const why = refresh();
      if (why && active) {
        setActive(false);
        refresh();
        return why;
      }
      return null;
    },
    clear() {
      if (!active) return;
      setActive(false);
      refresh();
    },
  };
}
