import { formatError } from '../errors/lab-error.ts';

/**
 * How every script ends: with main's exit code, or with the error as one readable
 * block (no stack trace) and exit 1. The blank line keeps it apart from progress output.
 */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      process.stderr.write(`\n${formatError(error)}\n`);
      process.exit(1);
    },
  );
}
