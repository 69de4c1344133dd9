import { describe, expect, it } from 'vitest';
import { runSession } from '../../src/runner/session.ts';
import { versionDifferences, versionDiffReport } from '../../src/runner/version-diff.ts';
import { fixtureProject } from './helpers.ts';

// One probe really run on two musl versions (Debian bookworm's and trixie's), whose outcome differs.
describe('a probe on two musl versions', () => {
  it.each(['docker', 'sandbox'] as const)('runs on both, each result naming its version and suite, and the difference is found (%s)', async (backend) => {
    const { records } = await runSession({ paths: fixtureProject(['versions']), backendChoice: backend });
    const byEnv = Object.fromEntries(records.map((r) => [r.result.envId, r.result]));
    expect(Object.keys(byEnv).sort()).toEqual(['musl-bookworm', 'musl-trixie']);
    expect(byEnv['musl-bookworm']!.provenance).toMatchObject({ libcVersion: '1.2.3', suite: 'bookworm' });
    expect(byEnv['musl-trixie']!.provenance).toMatchObject({ libcVersion: '1.2.5', suite: 'trixie' });
    expect(byEnv['musl-bookworm']!.outcome.kind).toBe('compile-failed');
    expect(byEnv['musl-trixie']!.outcome.kind).toBe('ok');
    const diffs = versionDifferences(records);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ family: 'musl', declared: false, edge: false });
    expect(diffs[0]!.diff).toEqual(['outcome: compile-failed vs ok', 'stdout line 1: "" vs "statx=0"']);
    expect(versionDiffReport(diffs)).toContain('versions/statx:default  musl 1.2.3 (musl-bookworm) vs musl 1.2.5 (musl-trixie)');
  }, 600_000);
});
