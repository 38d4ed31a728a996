/**
 * The worker link of a widget: starts the training worker (lazily, near the viewport), forwards
 * play / pause / step / reset / speed and commands, and hands each state report to the readouts,
 * the metric history and the widget's draw function (at a bounded rate). Training never runs here.
 * The channel (worker-channel.ts) carries the messages; worker-status.ts words loading and failure.
 */
import type { FromWorker, ToWorker } from '../lib/protocol';
import { openChannel } from './worker-channel';
import { LOADING_CODE, LOADING_MODEL, workerStatus } from './worker-status';
import type { WorkerLink, WorkerLinkHost } from './worker-link-types';

export type { WorkerLink, WorkerLinkHost } from './worker-link-types';

const FINISHED = 'Finished: this run has shown its result. Reset starts it again.';

export function linkWorker(host: WorkerLinkHost): WorkerLink {
  const { root, setStatus, readouts, metricLog } = host;
  let running = false;
  let diverged = false;
  let autoPaused = false;
  /** The model said its run is finished (a sweep at its last point): Play waits for a Reset. */
  let finished = false;
  const status = workerStatus(host);
  const init = () => ({ type: 'init', params: host.values(), checkpoint: host.checkpoint?.() }) as const;
  const channel = openChannel({
    createWorker: host.createWorker,
    opened() {
      status.fresh();
      channel.postIfLive({ type: 'speed', stepsPerSecond: host.rate() });
      channel.control(init());
      // Until the model's first report the figure is empty: say what is loading.
      status.loading(LOADING_CODE);
    },
    onMessage,
    onError(e) {
      status.crashed(e);
      setRunning(false);
    },
    onCannotStart: status.cannotStart,
  });

  function setRunning(r: boolean) {
    running = r;
    root.dataset.running = String(r);
    host.onRunning(r, diverged);
  }

  function onMessage(m: FromWorker) {
    switch (m.type) {
      case 'ready':
        readouts.set('backend', m.label ?? m.backend);
        root.dataset.backend = m.backend;
        if (m.note) setStatus(m.note, 'warn');
        else if (status.isLoading()) status.loading(LOADING_MODEL);
        break;
      case 'state':
        if (root.dataset.loading) status.loaded();
        if (channel.current(m.seq) && m.running !== running && !diverged) setRunning(m.running);
        readouts.showState(m);
        metricLog.record(m.step, m.metrics);
        root.dataset.step = String(m.step);
        if (Boolean(m.done) !== finished) {
          finished = Boolean(m.done);
          root.dataset.done = String(finished);
          if (finished && !diverged) setStatus(FINISHED);
        }
        host.show(m);
        break;
      case 'diverged':
        diverged = true;
        setRunning(false);
        setStatus(m.message, 'error');
        root.dataset.diverged = 'true';
        break;
      case 'error':
        setRunning(false);
        status.fail(m.stage, m.message);
        break;
    }
  }

  function play() {
    if (diverged) return;
    if (finished) return setStatus(FINISHED);
    autoPaused = false;
    channel.control({ type: 'run' });
    setRunning(true);
    if (!host.warning() && !status.isLoading()) setStatus('');
  }
  function pause() {
    autoPaused = false;
    if (channel.live()) channel.control({ type: 'pause' });
    setRunning(false);
  }

  return {
    ensureWorker: channel.ensure,
    play,
    pause,
    autoPause() {
      if (!running) return;
      pause();
      autoPaused = true;
      setStatus('Paused while out of view.');
    },
    resumeIfAutoPaused() {
      if (!autoPaused) return;
      setStatus('');
      play();
    },
    stepOnce() {
      if (diverged) return;
      setRunning(false);
      channel.control({ type: 'step', n: 1 });
    },
    reset() {
      diverged = false;
      delete root.dataset.diverged;
      setRunning(false);
      if (!status.isLoading()) setStatus('');
      delete root.dataset.failed;
      if (status.failed() && channel.live()) {
        // Start over with a fresh worker: a failed backend or module cannot be re-initialised in place.
        channel.terminate('The training worker was restarted.');
        delete root.dataset.backend;
      }
      channel.control(init());
    },
    update(values) {
      // Without a worker there is no model yet: its init will carry these values.
      if (!status.failed()) channel.postIfLive({ type: 'update', params: values } satisfies ToWorker);
    },
    setRate: (stepsPerSecond) => channel.postIfLive({ type: 'speed', stepsPerSecond }),
    command: channel.command,
    running: () => running,
  };
}
