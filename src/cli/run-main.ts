import { formatError } from '../errors/lab-error.ts';

/**
 * Resolves once everything written to `stream` so far has been handed to the OS.
 * On Linux a write to a full pipe (64 KiB) is queued in the process, and
 * process.exit() drops the queue: a report read through `| consumer` would be cut.
 * Writes complete in order, so the callback of an empty write marks the end.
 */
export function flushed(stream: NodeJS.WritableStream & { destroyed?: boolean; writable?: boolean }): Promise<void> {
  return new Promise((resolve) => {
    // A reader that went away (EPIPE) cannot be waited for.
    if (stream.destroyed || stream.writable === false) return resolve();
    stream.write('', () => resolve());
  });
}

/** Exits with `code` once stdout and stderr are flushed. */
export async function exitWhenFlushed(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Exit explicitly: an engine's keep-alive socket or a sidecar's timer must not hold the command open.
  process.exit(code);
}

/**
 * How every script ends: with main's exit code, or with the error as one readable
 * block (no stack trace) and `errorCode` (default 1). The blank line keeps it apart
 * from progress output. Either way the process ends only after its output is flushed.
 */
export function runMain(main: () => Promise<number | void>, errorCode = 1): void {
  main().then(
    (code) => exitWhenFlushed(code ?? 0),
    (error: unknown) => {
      process.stderr.write(`\n${formatError(error)}\n`);
      return exitWhenFlushed(errorCode);
    },
  );
}

