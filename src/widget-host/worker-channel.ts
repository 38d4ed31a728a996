/**
 * The message channel to a widget's training worker: starts the worker on first use, stamps the
 * control messages (init, run, pause, step) with sequence numbers, matches command results to
 * their promises, and ends the worker for a restart. It speaks the protocol (lib/protocol.ts);
 * what the messages mean for the page is worker-link.ts's business.
 */
import type { FromWorker, ToWorker } from '../lib/protocol';

type Control = ToWorker & { type: 'init' | 'run' | 'pause' | 'step' };

export interface ChannelHost {
  createWorker: () => Worker;
  /** The worker was just created: send its first messages (speed, then an init through control()). */
  opened: () => void;
  /** Every message except command results (the channel settles those). */
  onMessage: (m: FromWorker) => void;
  /** The worker's code failed to load or threw at the top level (the event's default is prevented). */
  onError: (e: ErrorEvent) => void;
  /** This browser could not create the worker (the error is thrown on after this). */
  onCannotStart: (err: Error) => void;
}

export interface WorkerChannel {
  /** Starts the worker if none runs. */
  ensure(): void;
  /** Whether a worker runs. */
  live(): boolean;
  /** Posts to a running worker; without one the message is dropped. */
  postIfLive(m: ToWorker): void;
  /**
   * Sends a control message stamped with the next sequence number. The worker echoes the number
   * of the last control it handled in every report, and the page adopts the worker's running
   * flag only from a report that answers its latest control (see current()).
   */
  control(m: Control): void;
  /** Whether a report stamped `seq` answers the latest control message. */
  current(seq: number | undefined): boolean;
  /** Asks the model to run a command (starting the worker); resolves with its result. */
  command(name: string, payload?: unknown): Promise<unknown>;
  /** Ends the worker; pending commands fail with `reason`. The next message starts a fresh one. */
  terminate(reason: string): void;
}

export function openChannel(host: ChannelHost): WorkerChannel {
  let worker: Worker | null = null;
  let cmdId = 0;
  /** Sequence number of the last control message (init/run/pause/step) sent to the worker. */
  let controlSeq = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  function ensure() {
    if (worker) return;
    try {
      worker = host.createWorker();
    } catch (err) {
      host.onCannotStart(err as Error);
      throw err;
    }
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type !== 'result') return host.onMessage(m);
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      host.onError(e);
    };
    host.opened();
  }

  function control(m: Control) {
    if (!worker) {
      // A new worker starts with an init of its own; an init asked for here is that one.
      ensure();
      if (m.type === 'init') return;
    }
    m.seq = ++controlSeq;
    worker!.postMessage(m);
  }

  return {
    ensure,
    live: () => worker !== null,
    postIfLive(m) {
      worker?.postMessage(m);
    },
    control,
    current: (seq) => seq === undefined || seq === controlSeq,
    command(name, payload) {
      const cid = ++cmdId;
      return new Promise((resolve, reject) => {
        pending.set(cid, { resolve, reject });
        ensure();
        worker!.postMessage({ type: 'command', id: cid, name, payload } satisfies ToWorker);
      });
    },
    terminate(reason) {
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error(reason));
      pending.clear();
    },
  };
}
