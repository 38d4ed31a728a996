/**
 * The page side of every widget: controls, validated hyperparameter inputs, URL state, readouts,
 * keyboard access, lazy start and pausing out of view. It never trains: a Web Worker does, and
 * this file only forwards commands and hands the worker's state to the widget's draw function.
 */
import type { FailureStage, FromWorker, Metrics, ToWorker } from '../lib/protocol';
import {
  SEED_SPEC,
  formatValue,
  parseValue,
  readParams,
  writeParams,
  type ParamSpec,
  type Values,
} from '../lib/params';
import { widgetWorker } from './worker-name';
import { MetricHistory, chartSvgs, download, serializeSvg, svgToPng, type MetricRow } from './export';

export interface MetricSpec {
  name: string;
  label: string;
  /** Significant digits shown (the full value is in data-value). */
  digits?: number;
  format?: (v: number) => string;
  title?: string;
}

export interface DrawContext {
  step: number;
  running: boolean;
  metrics: Metrics;
  values: Values;
  reducedMotion: boolean;
}

export interface WidgetConfig {
  id: string;
  root: HTMLElement;
  specs: ParamSpec[];
  metrics: MetricSpec[];
  /** Which widget's worker module to run (src/widgets/<worker>/worker.ts); default: `id`. */
  worker?: string;
  /** Starts the worker; by default the shared entry (src/worker/entry.ts) running `worker`'s module. */
  createWorker?: () => Worker;
  /** Draws the latest view into the chart area (called at most once per animation frame). */
  draw: (view: any, ctx: DrawContext) => void;
  /** Called once after the UI is built, with the chart container, to create chart elements. */
  setup?: (charts: HTMLElement, handle: WidgetHandle) => void;
  /** Names of params that appear as inputs (default: all). Others remain URL-settable. */
  visible?: string[];
  /** Initial training speed: 'max' (default), '30' or '4' steps per second. */
  defaultSpeed?: 'max' | '30' | '4';
}

export interface WidgetHandle {
  values(): Values;
  /** Validates and applies new values (resets the model). Returns error messages, if any. */
  setParams(partial: Values): string[];
  command(name: string, payload?: unknown): Promise<unknown>;
  setStatus(text: string, kind?: 'info' | 'warn' | 'error'): void;
  readonly root: HTMLElement;
  /** The metric history of the current run (one row per state report from the worker). */
  metricHistory?(): MetricRow[];
  /** The metric history as CSV text (header: step and every metric name). */
  metricCsv?(): string;
}

/**
 * View settings read from the URL next to the model's params (never written by setParams):
 *   <id>.controls=off   hide the buttons and inputs (lecture mode; keys still work)
 *   <id>.lecture=on     large type for projection, without going full screen
 */
const VIEW_KEYS = ['controls', 'lecture'] as const;

function readView(id: string, search: string) {
  const q = new URLSearchParams(search);
  const get = (k: string) => q.get(`${id}.${k}`)?.toLowerCase();
  const off = (v: string | undefined) => v === 'off' || v === 'hide' || v === 'hidden' || v === 'false' || v === '0' || v === 'no';
  const on = (v: string | undefined) => v === 'on' || v === 'true' || v === '1' || v === 'yes';
  const rest = new URLSearchParams();
  for (const [k, v] of q) if (!VIEW_KEYS.some((vk) => k === `${id}.${vk}`)) rest.append(k, v);
  return { controlsOff: off(get('controls')), lecture: on(get('lecture')), rest };
}

/** What a reader can do about a failure, by the stage where the worker failed. */
const ADVICE: Record<FailureStage, string> = {
  code: 'Reload the page; if that does not help, this browser may not run module workers.',
  backend: 'Press Reset to try again, or open the page with ?backend=cpu in the address to train on plain JavaScript.',
  data: 'Check the connection and press Reset to try again, or reload the page.',
  model: 'Change the settings or press Reset.',
  step: 'Press Reset.',
  view: 'Press Reset.',
  command: 'Press Reset.',
};

/** The message shown for a worker failure: what failed, then what to do. */
export function failureMessage(stage: FailureStage, message: string): string {
  const m = message.trim().replace(/[.\s]+$/, '');
  return `${m}. ${ADVICE[stage]}`;
}

const SPEEDS = [
  { value: 'max', label: 'Speed: fastest', rate: Infinity },
  { value: '30', label: 'Speed: 30 steps/s', rate: 30 },
  { value: '4', label: 'Speed: slow (4 steps/s)', rate: 4 },
];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function formatMetric(v: number | string, spec: MetricSpec): string {
  if (typeof v === 'string') return v;
  if (spec.format) return spec.format(v);
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return String(v);
  const d = spec.digits ?? 4;
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(Math.max(1, d - 1));
  return v.toFixed(Math.max(0, d - Math.max(1, Math.floor(Math.log10(a || 1)) + 1)));
}

/**
 * Observable Plot puts aria-label on <g> elements, which have no role (axe: aria-prohibited-attr).
 * Charts are exposed as one image each (role="img" with a label); the numbers themselves are in
 * the readouts, which screen readers can reach.
 */
export function tidyChartsA11y(container: HTMLElement) {
  for (const g of container.querySelectorAll('svg g[aria-label], svg g[aria-description]')) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  // A labelled box around a chart needs a role for its label to be allowed.
  for (const box of container.querySelectorAll<HTMLElement>('div[aria-label]:not([role])')) box.setAttribute('role', 'group');
  for (const svg of container.querySelectorAll<SVGSVGElement>('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    if (!svg.hasAttribute('role')) svg.setAttribute('role', 'img');
    if (!svg.hasAttribute('aria-label')) {
      const box = svg.closest('[aria-label]');
      svg.setAttribute('aria-label', box?.getAttribute('aria-label') ?? 'chart');
    }
  }
}

export function mountWidget(cfg: WidgetConfig): WidgetHandle {
  const { id, root } = cfg;
  const specs: ParamSpec[] = cfg.specs.some((s) => s.name === 'seed') ? cfg.specs : [...cfg.specs, SEED_SPEC];
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const view = readView(id, window.location.search);
  const { values: fromUrl, rejected } = readParams(id, view.rest, specs);
  const metricLog = new MetricHistory();
  let values: Values = fromUrl;

  const live = root.querySelector<HTMLElement>('.live-ui') ?? root.appendChild(el('div', { class: 'live-ui' }));
  live.replaceChildren();
  root.classList.add('live');
  if (!root.hasAttribute('tabindex')) root.setAttribute('tabindex', '-1');

  // Controls
  const controls = el('div', { class: 'controls', role: 'toolbar', 'aria-label': 'Training controls' });
  const playBtn = el('button', { type: 'button', class: 'primary', 'data-action': 'play' }, 'Play');
  const pauseBtn = el('button', { type: 'button', 'data-action': 'pause' }, 'Pause');
  const stepBtn = el('button', { type: 'button', 'data-action': 'step' }, 'Step');
  const resetBtn = el('button', { type: 'button', 'data-action': 'reset' }, 'Reset');
  const speedSel = el('select', { 'aria-label': 'Training speed', 'data-action': 'speed' });
  for (const s of SPEEDS) speedSel.append(el('option', { value: s.value }, s.label));
  speedSel.value = cfg.defaultSpeed ?? 'max';
  const copyBtn = el('button', { type: 'button', 'data-action': 'copy-link' }, 'Copy link');
  const fullBtn = el('button', { type: 'button', 'data-action': 'fullscreen', 'aria-pressed': 'false', title: 'Full screen with large type (key F)' }, 'Full screen');
  const exportMenu = el('details', { class: 'export-menu', 'data-action': 'export' });
  const exportSummary = el('summary', {}, 'Export');
  const exportItems = el('div', { class: 'export-items', role: 'group', 'aria-label': 'Export charts and data' });
  exportMenu.append(exportSummary, exportItems);
  pauseBtn.disabled = true;
  controls.append(playBtn, pauseBtn, stepBtn, resetBtn, speedSel, copyBtn, fullBtn, exportMenu);

  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });

  // Readouts
  const readouts = el('dl', { class: 'readouts', 'aria-label': 'Live numbers' });
  const metricEls = new Map<string, HTMLElement>();
  const allMetrics: MetricSpec[] = [
    { name: 'step', label: 'step' },
    ...cfg.metrics.filter((m) => m.name !== 'step' && m.name !== 'backend'),
    { name: 'backend', label: 'backend' },
  ];
  for (const m of allMetrics) {
    const wrap = el('div');
    // Shown once the model reports a value (some metrics apply only to some settings).
    wrap.hidden = m.name !== 'step';
    const dt = el('dt', m.title ? { title: m.title } : {}, m.label);
    const dd = el('dd', { 'data-metric': m.name, 'data-value': '' }, '–');
    wrap.append(dt, dd);
    readouts.append(wrap);
    metricEls.set(m.name, dd);
  }

  // Parameter inputs
  const paramBox = el('div', { class: 'params' });
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errorEls = new Map<string, HTMLElement>();
  const visible = cfg.visible ? new Set([...cfg.visible, 'seed']) : null;
  for (const spec of specs) {
    if (visible && !visible.has(spec.name)) continue;
    const fid = `${id}-${spec.name}`;
    const wrap = el('div', { class: spec.kind === 'text' && spec.wide ? 'param wide' : 'param' });
    const label = el('label', { for: fid }, spec.label);
    let input: HTMLInputElement | HTMLSelectElement;
    if (spec.kind === 'enum') {
      input = el('select', { id: fid, name: spec.name });
      for (const o of spec.options) input.append(el('option', { value: o.value }, o.label));
    } else if (spec.kind === 'bool') {
      input = el('input', { id: fid, name: spec.name, type: 'checkbox' });
    } else {
      input = el('input', {
        id: fid,
        name: spec.name,
        type: 'text',
        inputmode: spec.kind === 'number' ? 'decimal' : 'text',
        autocomplete: 'off',
        spellcheck: 'false',
      });
    }
    const err = el('div', { class: 'param-error', id: `${fid}-error`, 'aria-live': 'polite' });
    input.setAttribute('aria-describedby', `${fid}-error`);
    if (spec.help) input.setAttribute('title', spec.help);
    wrap.append(label, input, err);
    paramBox.append(wrap);
    inputs.set(spec.name, input);
    errorEls.set(spec.name, err);
  }

  const charts = el('div', { class: 'charts' });
  const lectureHint = el(
    'p',
    { class: 'hint lecture-hint' },
    'Controls hidden for the lecture. With the figure focused: Space play/pause, S step, R reset, F full screen.',
  );
  // Charts may be redrawn outside draw() (in a later frame): tidy their ARIA whenever they change.
  new MutationObserver(() => tidyChartsA11y(charts)).observe(charts, { childList: true, subtree: true });
  live.append(controls, lectureHint, status, charts, readouts, paramBox);

  // Lecture mode: controls hidden from the URL, large type, full screen, keyboard only.
  if (view.controlsOff) {
    root.dataset.controls = 'off';
    root.setAttribute('tabindex', '0');
    root.setAttribute('aria-keyshortcuts', 'Space S R F');
  }
  if (view.lecture) root.classList.add('lecture');
  function setFullscreenState(on: boolean) {
    root.classList.toggle('lecture', on || view.lecture);
    fullBtn.setAttribute('aria-pressed', String(on));
    fullBtn.textContent = on ? 'Exit full screen' : 'Full screen';
    root.dataset.fullscreen = String(on);
    scheduleDraw();
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

  // Export: every chart as SVG or PNG, the run's metric history as CSV.
  function buildExportItems() {
    const svgs = chartSvgs(charts);
    const items: HTMLElement[] = [];
    svgs.forEach((svg, i) => {
      const name = svgs.length === 1 ? 'chart' : `chart-${i + 1}`;
      const label = svg.getAttribute('aria-label') || svg.closest('[aria-label]')?.getAttribute('aria-label') || '';
      const what = `Chart ${i + 1}${label ? ` (${label.length > 40 ? label.slice(0, 39) + '…' : label})` : ''}`;
      const bSvg = el('button', { type: 'button', 'data-export': `svg-${i + 1}` }, `${what}: SVG`);
      bSvg.addEventListener('click', () => {
        download(serializeSvg(svg), `${id}-${name}.svg`, 'image/svg+xml');
        setStatus(`Saved ${id}-${name}.svg.`);
      });
      const bPng = el('button', { type: 'button', 'data-export': `png-${i + 1}` }, `${what}: PNG`);
      bPng.addEventListener('click', async () => {
        try {
          download(await svgToPng(svg), `${id}-${name}.png`);
          setStatus(`Saved ${id}-${name}.png.`);
        } catch (err) {
          setStatus(`Could not make a PNG: ${(err as Error).message}`, 'error');
        }
      });
      items.push(bSvg, bPng);
    });
    // Pictures drawn on <canvas> (digit grids, heat maps): PNG only.
    const canvases = [...charts.querySelectorAll<HTMLCanvasElement>('canvas')].filter((c) => c.width >= 16 && c.height >= 16);
    canvases.forEach((cv, i) => {
      const name = canvases.length === 1 ? 'image' : `image-${i + 1}`;
      const label = cv.getAttribute('aria-label') || cv.closest('[aria-label]')?.getAttribute('aria-label') || '';
      const what = `Image ${i + 1}${label ? ` (${label.length > 40 ? label.slice(0, 39) + '…' : label})` : ''}`;
      const b = el('button', { type: 'button', 'data-export': `canvas-${i + 1}` }, `${what}: PNG`);
      b.addEventListener('click', () => {
        try {
          cv.toBlob((blob) => {
            if (!blob) return setStatus('Could not make a PNG of this image.', 'error');
            download(blob, `${id}-${name}.png`);
            setStatus(`Saved ${id}-${name}.png.`);
          }, 'image/png');
        } catch (err) {
          setStatus(`Could not make a PNG: ${(err as Error).message}`, 'error');
        }
      });
      items.push(b);
    });
    const n = metricLog.rows.length;
    const bCsv = el('button', { type: 'button', 'data-export': 'csv' }, `Metric history: CSV (${n} row${n === 1 ? '' : 's'})`);
    bCsv.disabled = n === 0;
    bCsv.addEventListener('click', () => {
      download(metricLog.toCsv(), `${id}-metrics.csv`, 'text/csv');
      setStatus(`Saved ${id}-metrics.csv (${n} rows, one per update from the training worker).`);
    });
    if (svgs.length === 0 && canvases.length === 0) items.push(el('p', { class: 'hint' }, 'No chart drawn yet.'));
    items.push(bCsv);
    exportItems.replaceChildren(...items);
  }
  exportMenu.addEventListener('toggle', () => {
    if (exportMenu.open) buildExportItems();
  });
  exportMenu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && exportMenu.open) {
      e.stopPropagation();
      exportMenu.open = false;
      exportSummary.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (exportMenu.open && !exportMenu.contains(e.target as Node)) exportMenu.open = false;
  });

  function syncInputs() {
    for (const [name, input] of inputs) {
      const spec = specs.find((s) => s.name === name)!;
      const v = values[name];
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(v);
      else input.value = formatValue(spec, v);
      input.removeAttribute('aria-invalid');
      errorEls.get(name)!.textContent = '';
    }
  }
  syncInputs();

  function setStatus(text: string, kind: 'info' | 'warn' | 'error' = 'info') {
    status.textContent = text;
    status.className = `status${kind === 'info' ? '' : ' ' + kind}`;
  }
  if (rejected.length) {
    setStatus(
      `Ignored from the link: ${rejected.map((r) => `${id}.${r.name}=${r.raw} (${r.error})`).join('; ')}`,
      'warn',
    );
  }

  // Worker
  let worker: Worker | null = null;
  let running = false;
  let diverged = false;
  let autoPaused = false;
  let latest: FromWorker & { type: 'state' } = { type: 'state', step: 0, running: false, stepsPerSecond: 0, metrics: {}, view: null };
  let frame = 0;
  let lastDraw = 0;
  let cmdId = 0;
  /** Sequence number of the last control message (init/run/pause/step) sent to the worker. */
  let controlSeq = 0;
  /** Set when the worker failed: the next Reset starts a fresh worker. */
  let failed = false;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  function send(m: ToWorker) {
    ensureWorker();
    worker!.postMessage(m);
  }

  /** Sends a control message stamped with the next sequence number. */
  function control(m: ToWorker & { type: 'init' | 'run' | 'pause' | 'step' }) {
    if (!worker) {
      // A new worker starts with an init of its own; an init asked for here is that one.
      ensureWorker();
      if (m.type === 'init') return;
    }
    m.seq = ++controlSeq;
    worker!.postMessage(m);
  }

  function ensureWorker() {
    if (worker) return;
    failed = false;
    try {
      worker = cfg.createWorker ? cfg.createWorker() : widgetWorker(cfg.worker ?? id);
    } catch (err) {
      setStatus(`This browser could not start the training worker: ${(err as Error).message}`, 'error');
      throw err;
    }
    worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    worker.onerror = (e) => {
      // A module worker whose code fails to load or throws at the top level: the event often has
      // no message (a failed import reports none), so say which stage it was.
      e.preventDefault();
      failed = true;
      const before = !root.dataset.backend;
      const what = before ? 'The training worker could not load its code' : 'The training worker stopped';
      setStatus(failureMessage('code', e.message ? `${what}: ${e.message}` : what), 'error');
      setRunning(false);
    };
    worker.postMessage({ type: 'speed', stepsPerSecond: SPEEDS.find((s) => s.value === speedSel.value)!.rate } satisfies ToWorker);
    worker.postMessage({ type: 'init', params: values, seq: ++controlSeq } satisfies ToWorker);
  }

  function setRunning(r: boolean) {
    running = r;
    playBtn.disabled = r || diverged;
    pauseBtn.disabled = !r;
    root.dataset.running = String(r);
  }

  function setMetric(name: string, v: number | string) {
    const dd = metricEls.get(name);
    if (!dd) return;
    const spec = allMetrics.find((m) => m.name === name)!;
    const text = formatMetric(v, spec);
    if (dd.parentElement) dd.parentElement.hidden = false;
    dd.dataset.value = String(v);
    if (dd.textContent !== text) dd.textContent = text;
  }

  function onMessage(m: FromWorker) {
    switch (m.type) {
      case 'ready':
        setMetric('backend', m.label ?? m.backend);
        root.dataset.backend = m.backend;
        if (m.note) setStatus(m.note, 'warn');
        break;
      case 'state':
        latest = m;
        // Adopt the worker's running flag only once it has seen our latest control message:
        // a report written before a Play (or Pause) arrived would otherwise undo it.
        if ((m.seq === undefined || m.seq === controlSeq) && m.running !== running && !diverged) setRunning(m.running);
        setMetric('step', m.step);
        metricLog.record(m.step, m.metrics);
        for (const [k, v] of Object.entries(m.metrics)) setMetric(k, v);
        if (metricEls.has('steps_per_s')) setMetric('steps_per_s', Math.round(m.stepsPerSecond * 10) / 10);
        root.dataset.step = String(m.step);
        scheduleDraw();
        break;
      case 'diverged':
        diverged = true;
        setRunning(false);
        setStatus(m.message, 'error');
        root.dataset.diverged = 'true';
        break;
      case 'error':
        failed = true;
        setRunning(false);
        setStatus(failureMessage(m.stage, m.message), 'error');
        root.dataset.failed = m.stage;
        break;
      case 'result': {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.error));
        break;
      }
    }
  }

  function scheduleDraw() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const now = performance.now();
      // Bounded redraw rate: 10 Hz while training (2 Hz with reduced motion), always when idle.
      const minGap = latest.running ? (reducedMotion ? 500 : 100) : 0;
      if (now - lastDraw < minGap) {
        setTimeout(scheduleDraw, minGap - (now - lastDraw));
        return;
      }
      lastDraw = now;
      try {
        const t0 = performance.now();
        cfg.draw(latest.view, { step: latest.step, running: latest.running, metrics: latest.metrics, values, reducedMotion });
        root.dataset.drawMs = (performance.now() - t0).toFixed(1);
      } catch (err) {
        setStatus(`Could not draw: ${(err as Error).message}`, 'error');
      }
    });
  }

  function play() {
    if (diverged) return;
    autoPaused = false;
    control({ type: 'run' });
    setRunning(true);
    if (status.classList.contains('warn') === false) setStatus('');
  }
  function pause() {
    autoPaused = false;
    if (worker) control({ type: 'pause' });
    setRunning(false);
  }
  function stepOnce() {
    if (diverged) return;
    setRunning(false);
    control({ type: 'step', n: 1 });
  }
  function reset() {
    diverged = false;
    delete root.dataset.diverged;
    setRunning(false);
    setStatus('');
    delete root.dataset.failed;
    if (failed && worker) {
      // Start over with a fresh worker: a failed backend or module cannot be re-initialised in place.
      worker.terminate();
      worker = null;
      delete root.dataset.backend;
      for (const p of pending.values()) p.reject(new Error('The training worker was restarted.'));
      pending.clear();
    }
    control({ type: 'init', params: values });
  }

  playBtn.addEventListener('click', play);
  pauseBtn.addEventListener('click', pause);
  stepBtn.addEventListener('click', stepOnce);
  resetBtn.addEventListener('click', reset);
  speedSel.addEventListener('change', () => {
    const s = SPEEDS.find((x) => x.value === speedSel.value)!;
    if (worker) worker.postMessage({ type: 'speed', stepsPerSecond: s.rate } satisfies ToWorker);
  });

  /** writeParams drops every key of this widget; put the view settings back. */
  function keepView(q: URLSearchParams, from: URLSearchParams) {
    for (const k of VIEW_KEYS) {
      const v = from.get(`${id}.${k}`);
      if (v !== null) q.set(`${id}.${k}`, v);
    }
    return q;
  }

  function updateUrl() {
    const url = new URL(window.location.href);
    const before = new URLSearchParams(url.searchParams);
    const q = keepView(writeParams(id, values, specs, url.searchParams), before);
    url.search = q.toString();
    history.replaceState(history.state, '', url);
  }

  copyBtn.addEventListener('click', async () => {
    const url = new URL(window.location.href);
    url.search = keepView(writeParams(id, values, specs, new URLSearchParams()), new URLSearchParams(window.location.search)).toString();
    url.hash = id;
    const text = url.toString();
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Link copied: ${text}`);
    } catch {
      setStatus(`Copy this link: ${text}`);
    }
    root.dataset.link = text;
  });

  function applyParams(partial: Values): string[] {
    const errs: string[] = [];
    const next = { ...values };
    for (const [k, v] of Object.entries(partial)) {
      const spec = specs.find((s) => s.name === k);
      if (!spec) {
        errs.push(`unknown setting ${k}`);
        continue;
      }
      const p = parseValue(spec, typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v));
      if (p.ok) next[k] = p.value;
      else errs.push(p.error);
    }
    if (errs.length === 0) {
      values = next;
      syncInputs();
      updateUrl();
      reset();
    }
    return errs;
  }

  for (const [name, input] of inputs) {
    const spec = specs.find((s) => s.name === name)!;
    const commit = () => {
      const raw = input instanceof HTMLInputElement && input.type === 'checkbox' ? (input.checked ? 'on' : 'off') : input.value;
      const p = parseValue(spec, raw);
      const errEl = errorEls.get(name)!;
      if (!p.ok) {
        input.setAttribute('aria-invalid', 'true');
        errEl.textContent = `${p.error} The model keeps ${formatValue(spec, values[name])}.`;
        return;
      }
      input.removeAttribute('aria-invalid');
      errEl.textContent = '';
      if (p.value === values[name]) return;
      values = { ...values, [name]: p.value };
      updateUrl();
      reset();
      setStatus(`${spec.label} set to ${formatValue(spec, p.value)}; the model was reset.`);
    };
    input.addEventListener('change', commit);
    if (input instanceof HTMLInputElement && input.type === 'text') {
      input.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') commit();
      });
    }
  }

  // Keyboard: space = play/pause, s = step, r = reset (not while typing in a field).
  root.addEventListener('keydown', (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (t.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' && t.tagName !== 'BUTTON') {
      e.preventDefault();
      if (running) pause();
      else play();
    } else if (e.key === 's' || e.key === 'S') {
      e.preventDefault();
      stepOnce();
    } else if (e.key === 'r' || e.key === 'R') {
      e.preventDefault();
      reset();
    } else if (e.key === 'f' || e.key === 'F') {
      e.preventDefault();
      toggleFullscreen();
    } else if (e.key === 'Escape' && root.classList.contains('overlay')) {
      e.preventDefault();
      toggleFullscreen();
    }
  });

  // Lazy start near the viewport; pause when scrolled out of view, resume when back.
  if ('IntersectionObserver' in window) {
    const near = new IntersectionObserver(
      (entries) => {
        if (entries.some((en) => en.isIntersecting)) {
          ensureWorker();
          near.disconnect();
        }
      },
      { rootMargin: '400px 0px' },
    );
    near.observe(root);
    const seen = new IntersectionObserver((entries) => {
      for (const en of entries) {
        if (!en.isIntersecting && running) {
          pause();
          autoPaused = true;
          setStatus('Paused while out of view.');
        } else if (en.isIntersecting && autoPaused) {
          setStatus('');
          play();
        }
      }
    });
    seen.observe(root);
  } else {
    ensureWorker();
  }

  const handle: WidgetHandle = {
    root,
    values: () => values,
    setParams: applyParams,
    command(name, payload) {
      const cid = ++cmdId;
      return new Promise((resolve, reject) => {
        pending.set(cid, { resolve, reject });
        send({ type: 'command', id: cid, name, payload });
      });
    },
    setStatus,
    metricHistory: () => metricLog.rows.slice(),
    metricCsv: () => metricLog.toCsv(),
  };
  cfg.setup?.(charts, handle);
  return handle;
}
