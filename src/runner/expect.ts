import type { Expectation } from '../manifest/schema.ts';
import type { Result } from './result.ts';
import { outcomeLabel } from './result.ts';

function expectedLabel(e: Expectation): string {
  if (e.outcome === 'exit' && e.exitCode !== undefined) return `exit ${e.exitCode}`;
  if (e.outcome === 'signal' && e.signal) return e.signal;
  return e.outcome;
}

function excerpt(text: string): string {
  const oneLine = text.trim().replace(/\s*\n\s*/g, ' ⏎ ');
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}...` : oneLine || '(empty)';
}

/** Differences between what a probe's manifest expects and what ran; empty when they agree. */
export function checkExpectation(result: Result, expected: Expectation | undefined): string[] {
  if (!expected) return [];
  const problems: string[] = [];
  const o = result.outcome;
  const outcomeMatches =
    o.kind === expected.outcome &&
    (expected.exitCode === undefined || o.exitCode === expected.exitCode) &&
    (expected.signal === undefined || o.signal === expected.signal);
  if (!outcomeMatches) problems.push(`outcome: expected ${expectedLabel(expected)}, observed ${outcomeLabel(o)}`);
  const errText = o.kind === 'compile-failed' ? result.compile.diagnostics : result.stderr;
  for (const [stream, patterns, text] of [
    ['stdout', expected.stdout, result.stdout],
    ['stderr', expected.stderr, errText],
  ] as const) {
    for (const pattern of patterns ?? []) {
      if (!new RegExp(pattern, 'm').test(text)) problems.push(`${stream}: expected to match /${pattern}/, observed: ${excerpt(text)}`);
    }
  }
  return problems;
}
