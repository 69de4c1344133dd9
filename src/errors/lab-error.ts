/**
 * Every failure the runner reports to a person is a LabError: a stable name,
 * what happened, and what to do about it. Modelled on Astro's error guide:
 * the message says what and why, the hint says how to fix it.
 */
export interface LabErrorInit {
  /** Stable, searchable name, e.g. "ManifestInvalid". */
  name: string;
  /** What happened and why, in one or two sentences. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The file the problem is in, when there is one. */
  file?: string;
  cause?: unknown;
  /**
   * The failure stopped a session part-way (an engine or a sandbox helper died):
   * the session adds how many runs had completed and were kept in the cache.
   */
  stoppedRun?: boolean;
}

export class LabError extends Error {
  readonly hint?: string;
  readonly file?: string;
  readonly stoppedRun: boolean;

  constructor(init: LabErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = init.name;
    this.hint = init.hint;
    this.file = init.file;
    this.stoppedRun = init.stoppedRun ?? false;
  }
}

export function isLabError(error: unknown): error is LabError {
  return error instanceof LabError;
}

/** One readable block for a terminal: no stack trace, just what and how to fix. */
export function formatError(error: unknown): string {
  if (isLabError(error)) {
    const lines = [`${error.name}: ${error.message}`];
    if (error.file) lines.push(`  file: ${error.file}`);
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    return lines.join('\n');
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
