import type { RunRecord } from './run.ts';
import { envFacts } from './run.ts';
import { outcomeLabel, type Result } from './result.ts';
import { compareVersions, expectationKeyFor, parseVersion } from '../manifest/version-range.ts';

/**
 * Differences between versions of one libc: for each probe variant and family, the results of
 * neighbouring versions (by the libc version each run reported) are compared. A difference is
 * declared when the manifest gives the two versions different expectations (a range or
 * version key with the upstream change that explains it); otherwise it is undeclared and fails
 * the build — unless an edge environment (Debian sid) is involved: then it is reported only.
 */
export interface VersionSide {
  envId: string;
  version: string;
  /** The expect key that applied ("musl<1.2.4", "musl", ...), if any. */
  expectKey?: string;
  result: Result;
}

export interface VersionDifference {
  probeId: string;
  variantId: string;
  manifestFile: string;
  family: 'glibc' | 'musl';
  older: VersionSide;
  newer: VersionSide;
  /** What differs, as short lines (outcome, stdout, stderr). */
  diff: string[];
  /** The upstream change cited by the manifest, when declared. */
  change?: string;
  declared: boolean;
  /** An edge environment is one of the two: reported, never a failure. */
  edge: boolean;
}

function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: ${JSON.stringify(la[i] ?? '(none)')} vs ${JSON.stringify(lb[i] ?? '(none)')}`;
  }
  return '';
}

/** Short lines saying how two results differ under a comparison mode; empty when they count as the same. */
export function resultDifference(a: Result, b: Result, mode: 'output' | 'outcome' | { ignore: string[] }): string[] {
  const lines: string[] = [];
  const oa = outcomeLabel(a.outcome);
  const ob = outcomeLabel(b.outcome);
  if (oa !== ob) lines.push(`outcome: ${oa} vs ${ob}`);
  if (mode === 'outcome') return lines;
  const ignore = typeof mode === 'object' ? mode.ignore.map((r) => new RegExp(r)) : [];
  const kept = (text: string) => text.split('\n').filter((l) => !ignore.some((r) => r.test(l))).join('\n');
  for (const stream of ['stdout', 'stderr'] as const) {
    const x = kept(a[stream]);
    const y = kept(b[stream]);
    if (x !== y) lines.push(`${stream} ${firstDifference(x, y)}`);
  }
  return lines;
}

export function versionDifferences(records: RunRecord[]): VersionDifference[] {
  const found: VersionDifference[] = [];
  const comparable = records.filter((r) => r.spec.variant && r.spec.env);
  const groups = Map.groupBy(comparable, (r) => `${r.result.probeId}:${r.result.variantId}`);
  for (const group of groups.values()) {
    const variant = group[0]!.spec.variant;
    if (variant.compareVersions === false) continue;
    const sides = group
      .filter((r) => !r.spec.env.id.endsWith('-stock') && r.spec.env.family !== undefined)
      .map((r) => {
        const facts = envFacts(r.spec.env, r.result.provenance.libc);
        return { r, facts, key: expectationKeyFor(Object.keys(variant.expect), facts) };
      })
      .filter((s) => s.facts.version !== undefined);
    for (const family of ['glibc', 'musl'] as const) {
      const ordered = sides
        .filter((s) => s.facts.family === family)
        .sort((x, y) => compareVersions(parseVersion(x.facts.version!), parseVersion(y.facts.version!)));
      for (let i = 1; i < ordered.length; i++) {
        const a = ordered[i - 1]!;
        const b = ordered[i]!;
        const diff = resultDifference(a.r.result, b.r.result, variant.compareVersions);
        if (diff.length === 0) continue;
        const change = a.key !== b.key ? (variant.expect[b.key ?? '']?.change ?? variant.expect[a.key ?? '']?.change) : undefined;
        found.push({
          probeId: a.r.spec.probe.id,
          variantId: variant.id,
          manifestFile: a.r.spec.probe.manifestFile,
          family,
          older: { envId: a.r.spec.env.id, version: a.facts.version!, expectKey: a.key, result: a.r.result },
          newer: { envId: b.r.spec.env.id, version: b.facts.version!, expectKey: b.key, result: b.r.result },
          diff,
          ...(change ? { change } : {}),
          declared: change !== undefined,
          edge: Boolean(a.r.spec.env.edge || b.r.spec.env.edge),
        });
      }
    }
  }
  return found;
}

/** The text that fails the build: every undeclared difference between two non-edge versions. */
export function versionDiffReport(diffs: VersionDifference[]): string {
  const bad = diffs.filter((d) => !d.declared && !d.edge);
  if (bad.length === 0) return '';
  const lines = [`${bad.length} result(s) differ between versions of one libc without the manifest saying why:`];
  for (const d of bad) {
    lines.push(`  ${d.probeId}:${d.variantId}  ${d.family} ${d.older.version} (${d.older.envId}) vs ${d.family} ${d.newer.version} (${d.newer.envId})  (${d.manifestFile})`);
    for (const l of d.diff) lines.push(`    - ${l}`);
  }
  lines.push(
    'Declare each in the manifest: an "expect" key for the version range ("musl<1.2.4", "glibc>=2.38") with "change" citing the upstream change (WHATSNEW/NEWS line or commit); or, for output that varies run to run, "compareVersions": "outcome".',
  );
  return lines.join('\n');
}

/** Edge (sid) disagreements: expectation mismatches and undeclared differences, reported but never failing. */
export function edgeReport(records: RunRecord[], diffs: VersionDifference[]): string {
  const mism = records.filter((r) => r.edge && r.mismatches.length > 0);
  const undeclared = diffs.filter((d) => d.edge && !d.declared);
  if (mism.length === 0 && undeclared.length === 0) return '';
  const lines = [`edge (Debian sid) disagreements, reported only (${mism.length} expectation, ${undeclared.length} undeclared version difference):`];
  for (const r of mism) lines.push(`  ${r.result.id}: ${r.mismatches.join('; ')}`);
  for (const d of undeclared) lines.push(`  ${d.probeId}:${d.variantId} ${d.family} ${d.older.version} vs ${d.newer.version}: ${d.diff.join('; ')}`);
  return lines.join('\n');
}
