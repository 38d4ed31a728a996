/** What a widget's client passes to mountWidget() (its settings module and a config), and the handle it gets back. */
import type { ParamSpec, Values } from '../lib/params';
import type { MetricRow } from './metric-history';
import type { Speed } from './controls';
import type { MetricSpec } from './readouts';
import type { DrawContext } from './draw-loop';

/** What mountWidget() reads from a widget's page-safe settings.ts (`import * as settings from './settings'`). */
export interface WidgetSettings {
  /** The widget id: names the worker module and, unless the config gives another, the instance. */
  id: string;
  specs: ParamSpec[];
  /** The readouts under the widget, in order (`step` and `backend` are added around them). */
  metrics: MetricSpec[];
}

/** What a client adds to its settings: how to draw, extra UI, and per-instance choices. */
export interface WidgetConfig<V = unknown> {
  /** This instance's id (URL prefix, `data-widget`) when a page shows the widget twice (gan-2d); default: the settings' id. */
  id?: string;
  /** This instance's settings table (e.g. a preset's defaults); default: the settings' specs. */
  specs?: ParamSpec[];
  /** Which widget's worker module to run (src/widgets/<worker>/worker.ts); default: the settings' id. */
  worker?: string;
  /** Starts the worker; by default the shared entry (src/worker/entry.ts) running `worker`'s module. */
  createWorker?: () => Worker;
  /** Draws the latest view into the chart area (called at most once per animation frame, never before the model's first view). */
  draw: (view: V, ctx: DrawContext) => void;
  /** Chart boxes for the chart area, in this order (before anything setup() adds). */
  charts?: HTMLElement[];
  /** Called once after the UI is built, with the chart container, to create chart elements. */
  setup?: (charts: HTMLElement, handle: WidgetHandle) => void;
  /** Names of params that appear as inputs (default: all). Others remain URL-settable. */
  visible?: string[];
  /** Initial training speed: 'max' (default), '30' or '4' steps per second. */
  defaultSpeed?: Speed;
}

export interface WidgetHandle {
  readonly root: HTMLElement;
  values(): Values;
  /**
   * Validates and applies new values: live settings only (ParamSpec.live) go to the running
   * model, anything else resets it. Returns error messages, if any.
   */
  setParams(partial: Values): string[];
  command(name: string, payload?: unknown): Promise<unknown>;
  setStatus(text: string, kind?: 'info' | 'warn' | 'error'): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  running(): boolean;
  speed(): Speed;
  setSpeed(speed: Speed): void;
  /** The metric history of the current run (one row per state report from the worker). */
  metricHistory(): MetricRow[];
  /** The metric history as CSV text (header: step and every metric name). */
  metricCsv(): string;
}
