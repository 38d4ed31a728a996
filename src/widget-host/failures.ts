/** The message a widget shows when its training worker fails: what failed, and what a reader can do. */
import type { FailureStage } from '../lib/protocol';

/** What a reader can do about a failure, by the stage where the worker failed. */
const ADVICE: Record<FailureStage, string> = {
  code: 'Reload the page; if that does not help, this browser may not run module workers.',
  backend: 'Press Reset to try again, or open the page with ?backend=cpu in the address to train on plain JavaScript.',
  data: 'Check the connection and press Reset to try again, or reload the page.',
  model: 'Change the settings or press Reset.',
  checkpoint: 'Press Reset to train from scratch instead, or reload the page.',
  step: 'Press Reset.',
  view: 'Press Reset.',
  command: 'Press Reset.',
};

/** What failed (the worker's message), then what to do about it. */
export function failureMessage(stage: FailureStage, message: string): string {
  return `${message.trim().replace(/[.\s]+$/, '')}. ${ADVICE[stage]}`;
}
