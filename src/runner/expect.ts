import type { Count, Expectation, QueryCount } from '../manifest/schema.ts';
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

function countLabel(c: Count): string {
  if (typeof c === 'number') return String(c);
  if (c.min !== undefined && c.max !== undefined) return `${c.min}-${c.max}`;
  return c.min !== undefined ? `at least ${c.min}` : `at most ${c.max}`;
}

function countMatches(c: Count, n: number): boolean {
  if (typeof c === 'number') return n === c;
  return (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
}

function filterLabel(q: QueryCount): string {
  const parts = [q.type, q.name, q.transport && `over ${q.transport}`, q.server && `to ${q.server}`, q.edns !== undefined && (q.edns ? 'with EDNS' : 'without EDNS')].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'all';
}

/** The value of a "name=value" line of stdout, or undefined. */
export function printedMetric(stdout: string, name: string): number | undefined {
  const m = new RegExp(`^${name}=(-?[0-9.]+)\\s*$`, 'm').exec(stdout);
  return m ? Number(m[1]) : undefined;
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
  for (const [name, band] of Object.entries(expected.metrics ?? {})) {
    const value = printedMetric(result.stdout, name);
    const want = `${band.min ?? '-inf'}..${band.max ?? 'inf'}`;
    if (value === undefined) problems.push(`metrics.${name}: expected ${want}, observed no "${name}=" line`);
    else if ((band.min !== undefined && value < band.min) || (band.max !== undefined && value > band.max)) problems.push(`metrics.${name}: expected ${want}, observed ${value}`);
  }
  if (expected.queries) {
    const log = result.dns?.queries ?? [];
    for (const q of expected.queries) {
      const n = log.filter(
        (e) =>
          (q.name === undefined || e.name.toLowerCase() === q.name.toLowerCase()) &&
          (q.type === undefined || e.type === q.type) &&
          (q.transport === undefined || e.transport === q.transport) &&
          (q.server === undefined || e.server === q.server) &&
          (q.edns === undefined || e.edns === q.edns),
      ).length;
      if (!countMatches(q.count, n)) problems.push(`queries (${filterLabel(q)}): expected ${countLabel(q.count)}, observed ${n}`);
    }
  }
  return problems;
}
