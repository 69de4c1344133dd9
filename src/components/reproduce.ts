/**
 * The "reproduce" command of one run: docker commands a reader pastes into a
 * shell at the top of a musl-lab checkout (after `npm run images`) to compile
 * the probe in the build image and run it in the run image, as the runner did.
 * Pure: everything comes from the result's provenance and the variant.
 */

export interface ReproduceInput {
  /** The probe's C file, relative to c-probes/, e.g. "basics/hello.c". */
  sourcePath: string;
  /** The compiler argv as run in the probe's folder (provenance.compileCommand); its `-o` names the output in /out. */
  compileCommand: string[];
  /** Image tags: where the probe was compiled, and where it ran. */
  buildImage: string;
  runImage: string;
  /** Program arguments (after the program's own path). */
  args: string[];
  env?: Record<string, string>;
  /** Text fed to standard input; none when empty. */
  stdin?: string;
  stackLimitKib?: number | 'unlimited';
}

/** Quotes one word for a POSIX shell; plain words stay as they are. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The program runs under a shell, not as the container's first process: the
 * kernel treats PID 1 specially (signals it does not handle are ignored), the
 * shell says "not found" when the program cannot start, as the page shows,
 * and the exit status (128 + N for signal N) is printed on standard error.
 */
const statusScript = '"$@"; echo "[exit status $?]" >&2';

const join = (words: string[]) => words.map(shellQuote).join(' ');

/**
 * Lines of the command, to be joined with " \\\n" (one step per line reads best).
 * The program runs as its own path /probe/<source stem>, as nobody, in /tmp,
 * with no network and a read-only root, like the runner's containers. When the
 * compiler writes a file named after the source, the whole output folder is
 * mounted at /probe; otherwise that one file is mounted under the stem's name.
 */
export function reproduceLines(input: ReproduceInput): string[] {
  const parts = input.sourcePath.split('/');
  const file = parts.pop()!;
  const stem = file.replace(/\.c$/, '');
  const folder = parts.length ? `/src/${parts.join('/')}` : '/src';
  const o = input.compileCommand.indexOf('-o');
  const output = o >= 0 ? input.compileCommand[o + 1] : undefined;
  if (!output || !output.startsWith('/out/')) {
    throw new Error(`reproduce: the compile command of ${input.sourcePath} does not write into /out (it is: ${input.compileCommand.join(' ')}); the runner's compile step changed, so update src/components/reproduce.ts to match it.`);
  }
  const built = output.slice('/out/'.length);
  const mount = built === stem ? '"$out":/probe:ro' : `"$out/${built}":/probe/${shellQuote(stem)}:ro`;
  const runFlags = ['--rm', '--network', 'none', '--read-only', '--tmpfs', '/tmp', '-u', '65534:65534', '-w', '/tmp'];
  if (input.stdin) runFlags.push('-i');
  if (input.stackLimitKib !== undefined) {
    const limit = input.stackLimitKib === 'unlimited' ? '-1' : String(input.stackLimitKib * 1024);
    runFlags.push('--ulimit', `stack=${limit}:${limit}`);
  }
  for (const [name, value] of Object.entries(input.env ?? {})) runFlags.push('-e', `${name}=${value}`);
  const feed = input.stdin ? `printf %s ${shellQuote(input.stdin)} | ` : '';
  return [
    'out=$(mktemp -d) && chmod 755 "$out" &&',
    `docker run --rm --network none -v "$PWD/c-probes":/src:ro -v "$out":/out -w ${shellQuote(folder)} ${shellQuote(input.buildImage)} ${join(input.compileCommand)} &&`,
    `${feed}docker run ${join(runFlags)} -v ${mount} ${shellQuote(input.runImage)} ${join(['/bin/sh', '-c', statusScript, 'sh', `/probe/${stem}`, ...input.args])}`,
  ];
}

export function reproduceCommand(input: ReproduceInput): string {
  return reproduceLines(input).join(' \\\n  ');
}
