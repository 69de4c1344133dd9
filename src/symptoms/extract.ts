/**
 * Which lines of a run are an error message a reader could meet, and in which
 * form they are indexed. Pure: a Result and the manifest's optional "symptom"
 * in, messages out. The page "I see this error" (content/symptoms.mdx) groups
 * them with ./group.ts.
 *
 * Default rules (a manifest's "symptom" replaces them stream by stream):
 * - compiler diagnostics (any run that was compiled): lines carrying "error:" or
 *   "warning:", and the linker's "undefined reference to", "cannot find -l…",
 *   "multiple definition of"; context lines ("In function", source excerpts,
 *   carets, "note:") are left out;
 * - standard error: every non-empty line except "name=value" metric lines;
 * - standard output: lines with an error word (error, failed, not found,
 *   cannot, unknown, invalid, no such, denied, refused, unsupported, …).
 *
 * The stage comes from how the run ended: compile-failed → "won't build";
 * exec-failed or exit status 126/127 (the shell's and the loaders' "cannot run
 * this") → "won't start"; a signal, a timeout or runaway output → "crashes";
 * otherwise (it ran and answered) → "answers differently". Diagnostics of a build
 * that succeeded (warnings) are "won't build" too: with -Werror they stop it.
 */
import type { Result } from '../runner/result.ts';
import type { Symptom, SymptomStage } from '../manifest/schema.ts';

export type SymptomStream = 'diagnostics' | 'stderr' | 'stdout';

/** One message as indexed: normalised text, where it was printed, its stage. */
export interface SymptomLine {
  message: string;
  stream: SymptomStream;
  stage: SymptomStage;
}

/** The stage of a run, from its outcome (see the rules above). */
export function runStage(outcome: Result['outcome']): SymptomStage {
  switch (outcome.kind) {
    case 'compile-failed':
      return "won't build";
    case 'exec-failed':
      return "won't start";
    case 'signal':
    case 'timeout':
    case 'output-truncated':
      return 'crashes';
    case 'exit':
      return outcome.exitCode === 126 || outcome.exitCode === 127 ? "won't start" : 'answers differently';
    default:
      return 'answers differently';
  }
}

const diagnosticLine = /\b(?:error|warning):|undefined reference to|cannot find -l|multiple definition of/;
const metricLine = /^[A-Za-z_][A-Za-z0-9_]*=\S*$/;
const errorWord =
  /\b(?:errors?|fail(?:s|ed|ure)?|not found|cannot|can't|could not|unable|unknown|invalid|illegal|no such|denied|refused|unsupported|not supported|not implemented|unrecognized|undefined|missing|abort(?:ed)?|fault|overflow|timed out|does not resolve)\b/i;

/** Longest message kept; a longer line keeps its beginning, verbatim, and ends with "…". */
export const maxMessageLength = 240;

/**
 * The text a reader would paste into a search engine, with what only this run
 * had taken out: the program's path under /probe and temporary files become
 * "…" (so "/bin/sh: /probe/hello: not found" reads "/bin/sh: …: not found",
 * as in any container), addresses "0x…", pids "pid …"; a compiler's
 * "file.c:12:5: " and a linker's object locations are dropped, and the
 * linker, wherever installed, is "ld". Everything else stays verbatim.
 */
export function normaliseMessage(line: string): string {
  let s = line
    .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
    .replace(/\r/g, '')
    .trim();
  // A linker at any path (/usr/bin/ld, Alpine's long gcc path) speaks as "ld: ".
  s = s.replace(/^\S*\bld(?:\.bfd|\.gold)?: /, 'ld: ');
  // The linker's object and section locations ("ld: /tmp/cc1.o: ", "probe.c:(.text+0x1c): "). The
  // linker names itself on some of these lines and not on others: a located message drops the
  // name, so both index as one ("undefined reference to `x'", "warning: Using 'getaddrinfo' …").
  const ldLocated = /^ld: (?:(?!(?:error|warning|note): )[^:\s]+(?::\([^)]*\))?: )+/;
  s = ldLocated.test(s) ? s.replace(ldLocated, '') : s.replace(/^(?:[^\s:()]+:)?\(\.[^)]*\): /, '');
  // A compiler's "file.c:12:5: " (or "file.c:12: ").
  s = s.replace(/^[^\s:]+:\d+(?::\d+)?: /, '');
  s = s
    .replace(/\/probe(?:\/[^\s:'"`)]*)?/g, '…')
    .replace(/\/tmp\/[^\s:'"`)]+/g, '…')
    .replace(/\b0x[0-9a-fA-F]{6,}\b/g, '0x…')
    .replace(/\bpid([ =:]?)\d+\b/g, 'pid$1…')
    .replace(/[ \t]+/g, ' ');
  return s.length > maxMessageLength ? `${s.slice(0, maxMessageLength - 1)}…` : s;
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim().length > 0);
}

/** The message a manifest pattern picks from a line: its first capture group, else the whole line. */
function picked(line: string, patterns: string[]): string | undefined {
  for (const source of patterns) {
    const match = new RegExp(source).exec(line);
    if (match) return match.length > 1 && match[1] !== undefined ? match[1] : line;
  }
  return undefined;
}

const defaults: Record<SymptomStream, (line: string) => boolean> = {
  diagnostics: (l) => diagnosticLine.test(l) && !/^\s*\d*\s*\|/.test(l),
  stderr: (l) => !metricLine.test(l.trim()),
  stdout: (l) => errorWord.test(l) && !metricLine.test(l.trim()),
};

/**
 * Every message of one run, in the order printed (diagnostics, stderr, stdout),
 * each once. `symptom` is the manifest's field for the run's variant.
 */
export function extractSymptoms(result: Pick<Result, 'outcome' | 'stdout' | 'stderr' | 'compile'>, symptom?: Symptom): SymptomLine[] {
  const ranStage = runStage(result.outcome);
  const texts: Record<SymptomStream, string> = {
    diagnostics: result.compile.diagnostics,
    // A build that failed ran nothing: its stdout and stderr are empty or the runner's.
    stderr: result.outcome.kind === 'compile-failed' ? '' : result.stderr,
    stdout: result.outcome.kind === 'compile-failed' ? '' : result.stdout,
  };
  // The manifest's stage holds for the streams it names, or, named alone, for the program's output.
  const named = (['diagnostics', 'stderr', 'stdout'] as const).filter((s) => symptom?.[s]);
  const staged = (stream: SymptomStream) => (named.length ? named.includes(stream) : stream !== 'diagnostics');
  const out: SymptomLine[] = [];
  const seen = new Set<string>();
  for (const stream of ['diagnostics', 'stderr', 'stdout'] as const) {
    const patterns = symptom?.[stream];
    const defaultStage = stream === 'diagnostics' ? "won't build" : ranStage;
    for (const line of lines(texts[stream])) {
      const raw = patterns ? picked(line, patterns) : defaults[stream](line) ? line : undefined;
      if (raw === undefined) continue;
      const message = normaliseMessage(raw);
      if (!message || message === '…' || seen.has(message)) continue;
      seen.add(message);
      out.push({ message, stream, stage: (staged(stream) && symptom?.stage) || defaultStage });
    }
  }
  return out;
}
