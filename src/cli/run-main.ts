import { formatError } from '../errors/lab-error.ts';

/**
 * How every script ends: with main's exit code, or with the error as one readable
 * block (no stack trace) and exit 1. The blank line keeps it apart from progress output.
 */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    // process.exit drops what a pipe has not taken yet (a --json report of a few hundred
    // runs read by a busy consumer was cut short): wait until both streams are flushed.
    async (code) => {
      await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
      process.exit(code ?? 0);
    },
    (error: unknown) => {
      process.stderr.write(`\n${formatError(error)}\n`);
      process.exit(1);
    },
  );
}

/** Resolves once everything written to the stream before this call has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
