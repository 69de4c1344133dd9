import type { NotRun, RunRecord } from '../runner/run.ts';
import { outcomeLabel } from '../runner/result.ts';
import { versionDifferences, type VersionDifference } from '../runner/version-diff.ts';

export interface Totals {
  runs: number;
  executed: number;
  cached: number;
  unexpected: number;
  /** Edge (sid) runs that disagree with their expectation: reported, not failures. */
  edgeUnexpected: number;
}

export function totals(records: RunRecord[]): Totals {
  return {
    runs: records.length,
    executed: records.filter((r) => !r.cached).length,
    cached: records.filter((r) => r.cached).length,
    unexpected: records.filter((r) => r.mismatches.length > 0 && !r.edge).length,
    edgeUnexpected: records.filter((r) => r.mismatches.length > 0 && r.edge).length,
  };
}

/** The machine-readable report of `npm run probes -- --json`. */
export function jsonReport(records: RunRecord[], notRun: NotRun[] = [], diffs: VersionDifference[] = versionDifferences(records)) {
  return {
    runs: records.map((r) => ({
      id: r.result.id,
      probe: r.result.probeId,
      variant: r.result.variantId,
      env: r.result.envId,
      compiledIn: r.result.compileEnvId,
      libc: r.result.provenance.libc,
      libcVersion: r.result.provenance.libcVersion ?? null,
      suite: r.result.provenance.suite ?? null,
      edge: Boolean(r.edge),
      outcome: r.result.outcome.kind,
      exitCode: r.result.outcome.kind === 'exit' || r.result.outcome.kind === 'ok' ? r.result.outcome.exitCode ?? 0 : null,
      signal: r.result.outcome.kind === 'signal' ? r.result.outcome.signal ?? null : null,
      durationMs: r.result.durationMs,
      /** Queries the DNS scenario's nameservers received (DNS probes only). */
      ...(r.result.dns ? { dnsQueries: r.result.dns.queries.length } : {}),
      cached: r.cached,
      expected: r.mismatches.length === 0,
      mismatches: r.mismatches,
    })),
    totals: totals(records),
    /** Results that differ between neighbouring versions of one libc (declared ones cite the upstream change). */
    versionDifferences: diffs.map((d) => ({
      probe: d.probeId,
      variant: d.variantId,
      family: d.family,
      older: { env: d.older.envId, version: d.older.version },
      newer: { env: d.newer.envId, version: d.newer.version },
      diff: d.diff,
      change: d.change ?? null,
      declared: d.declared,
      edge: d.edge,
    })),
    /** Edge (Debian sid) runs that disagree with their expectation: shown, never a failure. */
    edgeDisagreements: records.filter((r) => r.edge && r.mismatches.length > 0).map((r) => ({ id: r.result.id, mismatches: r.mismatches })),
    /** Runs this backend could not make on this machine, and why. */
    notRun: notRun.map((n) => ({ id: n.spec.id, reason: n.reason })),
  };
}

/** The human summary printed at the end of a run. */
export function textSummary(records: RunRecord[], elapsedMs: number, notRun: NotRun[] = []): string {
  const t = totals(records);
  const lines = [
    `${t.runs} runs: ${t.executed} executed, ${t.cached} from cache, ${t.unexpected} unexpected${t.edgeUnexpected ? `, ${t.edgeUnexpected} edge disagreement(s) (reported only)` : ''} (${(elapsedMs / 1000).toFixed(1)} s)`,
  ];
  for (const [reason, which] of Map.groupBy(notRun, (n) => n.reason)) lines.push(`${which.length} runs not made on this machine: ${reason}`);
  if (t.executed === 0 && t.runs > 0) lines.push('Nothing changed: 0 runs executed.');
  const slowest = records
    .filter((r) => !r.cached && r.result.durationMs !== null)
    .sort((a, b) => b.result.totalMs - a.result.totalMs)
    .slice(0, 3);
  if (slowest.length > 0) {
    lines.push('slowest:');
    for (const r of slowest) lines.push(`  ${r.result.id}  ${outcomeLabel(r.result.outcome)}  program ${r.result.durationMs} ms, container ${r.result.totalMs} ms`);
  }
  return lines.join('\n');
}

/** The readable diff that fails the build when a run disagrees with its manifest. */
export function mismatchReport(records: RunRecord[]): string {
  // Edge (sid) environments move daily: their disagreements are reported (edgeReport), never a failure.
  const bad = records.filter((r) => r.mismatches.length > 0 && !r.edge);
  if (bad.length === 0) return '';
  const lines = [`${bad.length} run(s) disagree with their manifest's expectations:`];
  for (const r of bad) {
    lines.push(`  ${r.result.id}  (${r.spec.probe.manifestFile})`);
    for (const m of r.mismatches) lines.push(`    - ${m}`);
  }
  lines.push('Either the prose and expectation are wrong (update the manifest and the lesson) or the environment changed; rerun with --force to rule out a stale cache.');
  return lines.join('\n');
}

/** Each run as the page will show it: command, compiler diagnostics, output, outcome (for `--show`). */
export function showRuns(records: RunRecord[]): string {
  const indent = (text: string) => text.replace(/\n$/, '').split('\n').map((l) => `  | ${l}`).join('\n');
  return records
    .map(({ result: r, check }) => {
      const parts = [`== ${r.id}  ${outcomeLabel(r.outcome)}${r.outcome.reason ? ` (${r.outcome.reason})` : ''}`, `$ ${r.argv.join(' ')}`];
      if (r.compile.diagnostics.trim()) parts.push(`compile (${r.compile.ok ? 'ok' : `failed, exit ${r.compile.exitCode}`}):\n${indent(r.compile.diagnostics)}`);
      if (r.stdout) parts.push(`stdout:\n${indent(r.stdout)}`);
      if (r.stderr) parts.push(`stderr:\n${indent(r.stderr)}`);
      if (check) parts.push(`check-binary: ${check.verdict}\n${indent(check.reasons.join('\n') + (check.symptom ? `\nwould show: ${check.symptom}` : ''))}`);
      return `${parts.join('\n')}\n`;
    })
    .join('\n');
}
