import { LabError } from '../errors/lab-error.ts';
import type { RunEvent } from './run.ts';

/** How far a session got: what the message of a session stopped part-way counts. */
export interface RunProgress {
  /** Runs planned (0 until planning is done). */
  total: number;
  /** Runs with a result: executed in this session (and cached at once) or taken from the cache. */
  finished: number;
  /** Of those, executed in this session. */
  executed: number;
}

/** Counts runs as a session reports them. */
export function progressCounter(): { progress: RunProgress; onEvent: (event: RunEvent) => void } {
  const progress: RunProgress = { total: 0, finished: 0, executed: 0 };
  return {
    progress,
    onEvent: (event) => {
      if (event.type === 'planned') progress.total = event.total;
      if (event.type === 'finished') {
        progress.finished++;
        if (!event.record.cached) progress.executed++;
      }
    },
  };
}

/**
 * A backend failure that stopped the session part-way (an engine or sandbox
 * helper that died), with how many runs completed and are kept in the cache, and
 * how to resume. Other errors pass unchanged. Pure.
 */
export function withProgress(error: unknown, p: RunProgress): unknown {
  if (!(error instanceof LabError) || !error.stoppedRun) return error;
  const kept =
    p.total === 0
      ? 'No run had completed yet.'
      : `${p.finished} of ${p.total} runs had completed and are kept in the cache (${p.executed} executed in this session, ${p.finished - p.executed} already cached); ${p.total - p.finished} did not run.`;
  return new LabError({
    name: error.name,
    message: `${error.message} ${kept}`,
    hint: error.hint,
    file: error.file,
    stoppedRun: true,
    cause: error.cause ?? error,
  });
}
