/**
 * mountWidget(): the page side of every widget, put together from its parts: the toolbar
 * (controls.ts), settings inputs (inputs.ts), URL state (url-state.ts), settings changes
 * (settings-change.ts), readouts (readouts.ts), export
 * (export-menu.ts), lecture mode and full screen (lecture.ts), keys (keyboard.ts), and the link
 * to the training worker (worker-link.ts, viewport.ts, draw-loop.ts). It never trains: a Web
 * Worker does, and this code only forwards commands and hands the worker's state to `draw`.
 */
import { SEED_SPEC, readParams, type ParamSpec, type Values } from '../lib/params';
import { MetricHistory } from './metric-history';
import { el } from './dom';
import { bindControls, createControls, isSpeed, speedRate, type Speed } from './controls';
import { createReadouts, type MetricSpec } from './readouts';
import { createInputs } from './inputs';
import { linkTo, readView } from './url-state';
import { bindExportMenu } from './export-menu';
import { setupLecture } from './lecture';
import { bindKeys } from './keyboard';
import { tidyChartsA11y } from './a11y';
import { linkWorker } from './worker-link';
import { widgetWorker } from './worker-name';
import { watchViewport } from './viewport';
import { drawLoop, type DrawContext } from './draw-loop';
import { readSummary, setupTrained, type Trained } from './trained';
import type { WidgetConfig, WidgetHandle, WidgetSettings } from './widget-types';
import { settingsChange } from './settings-change';
import { createStatusLine } from './status-line';

export type { MetricSpec, DrawContext, Speed };
export type { WidgetConfig, WidgetHandle, WidgetSettings };
export { formatMetric } from './readouts';
export { tidyChartsA11y };

/**
 * Mounts a widget on `root`: `settings` is the widget's settings.ts module (id, specs, metrics),
 * `cfg` what the client adds (draw, setup, and per-instance choices).
 */
export function mountWidget<V>(settings: WidgetSettings, root: HTMLElement, cfg: WidgetConfig<V>): WidgetHandle {
  const id = cfg.id ?? settings.id;
  const table = cfg.specs ?? settings.specs;
  const specs: ParamSpec[] = table.some((s) => s.name === 'seed') ? table : [...table, SEED_SPEC];
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const view = readView(id, window.location.search);
  const { values: fromUrl, rejected } = readParams(id, view.rest, specs);
  const metricLog = new MetricHistory();
  let values: Values = fromUrl;

  const live = root.querySelector<HTMLElement>('.live-ui') ?? root.appendChild(el('div', { class: 'live-ui' }));
  live.replaceChildren();
  root.classList.add('live');
  if (!root.hasAttribute('tabindex')) root.setAttribute('tabindex', '-1');

  const ui = createControls(cfg.defaultSpeed);
  const status = createStatusLine();
  const setStatus = status.set;
  const readouts = createReadouts(settings.metrics);
  const inputs = createInputs({
    id,
    specs,
    visible: cfg.visible,
    values: () => values,
    onChange: (spec, value) => change.fromInput(spec, value),
    onInvalid() {
      // An earlier "... set to ..." line would read as the outcome of this rejected value.
      if (!status.alert()) setStatus('');
    },
  });
  const charts = el('div', { class: 'charts' });
  const lectureHint = el('p', { class: 'hint lecture-hint' }, 'Controls hidden for the lecture. With the figure focused: Space play/pause, S step, R reset, F full screen.');
  // Charts may be redrawn outside draw() (in a later frame): tidy their ARIA whenever they change.
  new MutationObserver(() => tidyChartsA11y(charts)).observe(charts, { childList: true, subtree: true });
  live.append(ui.toolbar, lectureHint, status.el, charts, readouts.el, inputs.box);

  // "Load trained" (trained.ts) where the widget has a checkpoint.
  const summary = readSummary(root);
  const trained: Trained | null = summary
    ? setupTrained({ id, root, summary, specs, values: () => values, initially: view.fromTrained, lecture: view.lecture || view.controlsOff, restart: () => link.reset(), setStatus })
    : null;
  if (trained) ui.resetBtn.after(trained.button, trained.note);

  const draws = drawLoop({ root, draw: cfg.draw, values: () => values, reducedMotion, setStatus });
  const lecture = setupLecture({ root, controlsOff: view.controlsOff, lecture: view.lecture, fullBtn: ui.fullBtn, onResize: draws.scheduleDraw });
  bindExportMenu({ id, charts, menu: ui.exportMenu, summary: ui.exportSummary, items: ui.exportItems, metricLog, setStatus });

  inputs.sync();
  if (rejected.length) {
    setStatus(`Ignored from the link: ${rejected.map((r) => `${id}.${r.name}=${r.raw} (${r.error})`).join('; ')}`, 'warn');
  }

  const link = linkWorker({
    root,
    createWorker: cfg.createWorker ?? (() => widgetWorker(cfg.worker ?? settings.id)),
    show: draws.show,
    values: () => values,
    rate: () => speedRate(ui.speedSel.value),
    setStatus,
    warning: status.warning,
    statusText: status.text,
    readouts,
    metricLog,
    checkpoint: () => trained?.urls(),
    onRunning: (running, diverged) => buttons.showRunning(running, diverged),
  });

  const change = settingsChange({ id, specs, values: () => values, setValues: (v) => (values = v), sync: inputs.sync, link, trained, setStatus });
  // Reset starts from scratch (leaving the trained checkpoint, if one was loaded).
  const resetScratch = () => {
    trained?.clear();
    link.reset();
  };
  const actions = { play: link.play, pause: link.pause, step: link.stepOnce, reset: resetScratch, setRate: link.setRate };
  const buttons = bindControls(ui, root, { ...actions, link: () => linkTo(id, values, specs), setStatus });

  bindKeys(root, {
    playPause: () => (link.running() ? link.pause() : link.play()),
    step: link.stepOnce,
    reset: resetScratch,
    fullscreen: lecture.toggleFullscreen,
  });
  watchViewport(root, link);
  // A link that asks for the trained model (a lecture link) starts the worker at once, not near the viewport.
  if (trained?.active()) link.ensureWorker();

  const handle: WidgetHandle = {
    root,
    values: () => values,
    setParams: change.setParams,
    command: link.command,
    setStatus,
    play: link.play,
    pause: link.pause,
    step: link.stepOnce,
    reset: resetScratch,
    running: link.running,
    speed: () => ui.speedSel.value as Speed,
    setSpeed(speed) {
      if (!isSpeed(speed)) throw new Error(`unknown speed ${speed}`);
      ui.speedSel.value = speed;
      link.setRate(speedRate(speed));
    },
    metricHistory: () => metricLog.rows.slice(),
    metricCsv: () => metricLog.toCsv(),
  };
  if (cfg.charts) charts.append(...cfg.charts);
  cfg.setup?.(charts, handle);
  return handle;
}
