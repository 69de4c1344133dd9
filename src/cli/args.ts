import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The scripts' shared start: parse the options, or say what is wrong followed by
 * the help text (exit 2), or print the help (exit 0). `values` is set only when
 * the script should go on.
 */
type Values<T extends NonNullable<ParseArgsConfig['options']>> = ReturnType<typeof parseArgs<{ options: T }>>['values'];

export function parseOrHelp<T extends NonNullable<ParseArgsConfig['options']>>(options: T, help: string): { values?: Values<T>; exit?: number } {
  let values: Values<T>;
  try {
    values = parseArgs<{ options: T }>({ options }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${help}`);
    return { exit: 2 };
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(help);
    return { exit: 0 };
  }
  return { values };
}

/** `--concurrency N`: a whole number of at least 1 (default 2), or the message that says why not. */
export function concurrencyArg(value: string | undefined): { concurrency: number } | { error: string } {
  const concurrency = value ? Number(value) : 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) return { error: `--concurrency takes a whole number of at least 1, not "${value}"` };
  return { concurrency };
}
