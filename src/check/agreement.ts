import type { Result } from '../runner/result.ts';
import type { Verdict } from './verdict.ts';

/** What the shell, the kernel or a dynamic loader prints when a program cannot start. */
const startFailure = /not found|Error relocating|Error loading shared library|error while loading shared libraries|symbol lookup error|version `[^']*' not found|Exec format error/;

/** Did the program get started by the kernel and its loader (whatever it did next)? */
export function programStarted(result: Result): boolean | null {
  const o = result.outcome;
  if (o.kind === 'compile-failed' || o.kind === 'timeout') return o.kind === 'timeout' ? true : null;
  if (o.kind === 'exec-failed') return false;
  if (o.kind === 'exit' && (o.exitCode === 127 || o.exitCode === 126) && startFailure.test(result.stderr)) return false;
  return true;
}

/** null when there is nothing to compare (the checker could not say, or nothing ran). */
export function disagreement(verdict: Verdict, result: Result): string | null {
  const started = programStarted(result);
  if (verdict.verdict === 'unknown' || started === null) return null;
  if ((verdict.verdict === 'runs') === started) return null;
  return `check-binary predicted "${verdict.verdict}" but the program ${started ? 'started' : 'did not start'} (${result.outcome.kind}${result.outcome.exitCode ? ` ${result.outcome.exitCode}` : ''})`;
}
