/**
 * The "reproduce" command of one run: shell commands a reader pastes at the top
 * of a musl-lab checkout (after `npm run images`) to build the program as the
 * runner did (compiler or build script in the build image, writing into a fresh
 * folder; or the npm package fetched with `npm pack`), then run the same argv in
 * the run image with that folder at /probe. Pure: everything comes from the
 * result's provenance and argv and from the variant.
 */
import { environmentById, images } from '../config/environments.ts';

export interface ReproduceInput {
  /** The probe's main file, relative to c-probes/, e.g. "basics/hello.c": the build runs in its folder. */
  sourcePath: string;
  /** The build's argv as run (provenance.compileCommand): writes into /out, or `npm pack <package@version>`. */
  compileCommand: string[];
  /** For an npm program: its path inside the package, made executable as `npm install` would. */
  npmBin?: string;
  /** Image tags: where the program was built, and where it ran. */
  buildImage: string;
  runImage: string;
  /** What ran (result.argv): the program under /probe and its arguments, or a variant's command. */
  argv: string[];
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

const join = (words: string[]) => words.map(shellQuote).join(' ');

/**
 * The argv runs under a shell, not as the container's first process: the kernel
 * treats PID 1 specially (signals it does not handle are ignored), the shell
 * says "sh: ...: not found" when the program cannot start, word for word as the
 * page shows, and the exit status (128 + N for signal N) is printed on stderr.
 */
const underShell = (argv: string[]) => ['sh', '-c', `${join(argv)}; echo "[exit status $?]" >&2`];

function buildLine(input: ReproduceInput): string {
  const [tool, verb, spec] = input.compileCommand;
  if (tool === 'npm' && verb === 'pack' && spec) {
    if (!input.npmBin) throw new Error(`reproduce: ${input.sourcePath} is fetched from npm (${spec}) but no program path inside the package was given.`);
    return `(cd "$out" && npm pack ${shellQuote(spec)} --silent >/dev/null && tar -xzf ./*.tgz --strip-components=1 --no-same-owner && rm ./*.tgz && chmod a+rx ${shellQuote(input.npmBin)}) &&`;
  }
  const parts = input.sourcePath.split('/');
  parts.pop();
  const folder = parts.length ? `/src/${parts.join('/')}` : '/src';
  return `docker run --rm --network none -v "$PWD/c-probes":/src:ro -v "$out":/out -w ${shellQuote(folder)} ${shellQuote(input.buildImage)} ${join(input.compileCommand)} &&`;
}

/** Lines of the command, to be joined with " \\\n" (one step per line reads best). */
export function reproduceLines(input: ReproduceInput): string[] {
  if (input.argv.length === 0) throw new Error(`reproduce: the run of ${input.sourcePath} has no argv to reproduce.`);
  const runFlags = ['--rm', '--network', 'none', '--read-only', '--tmpfs', '/tmp', '-u', '65534:65534', '-w', '/tmp'];
  if (input.stdin) runFlags.push('-i');
  if (input.stackLimitKib !== undefined) {
    const limit = input.stackLimitKib === 'unlimited' ? '-1' : String(input.stackLimitKib * 1024);
    runFlags.push('--ulimit', `stack=${limit}:${limit}`);
  }
  for (const [name, value] of Object.entries(input.env ?? {})) runFlags.push('-e', `${name}=${value}`);
  const feed = input.stdin ? `printf %s ${shellQuote(input.stdin)} | ` : '';
  return [
    // A fresh folder for the program; the run reads it as nobody.
    'out=$(mktemp -d) && chmod 755 "$out" &&',
    buildLine(input),
    `${feed}docker run ${join(runFlags)} -v "$out":/probe:ro ${shellQuote(input.runImage)} ${join(underShell(input.argv))}`,
  ];
}

export function reproduceCommand(input: ReproduceInput): string {
  return reproduceLines(input).join(' \\\n  ');
}

/**
 * The Docker images that rerun a result. A Docker result names its own; a
 * sandbox result ran in roots made from the same Debian packages as the
 * offline images, so those images are its Docker equivalent.
 */
export function reproduceImages(run: { backend: string; buildTag: string; runTag: string; envId: string; compileEnvId: string }): { buildImage: string; runImage: string } {
  if (run.backend !== 'sandbox') return { buildImage: run.buildTag, runImage: run.runTag };
  const offline = (id: string) => environmentById(id).flavours.offline;
  return { buildImage: images[offline(run.compileEnvId).build]!.tag, runImage: images[offline(run.envId).run]!.tag };
}
