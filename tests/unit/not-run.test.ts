import { describe, expect, it } from 'vitest';
import { planRuns } from '../../src/runner/plan.ts';
import { splitRunnable } from '../../src/session/run.ts';
import { dnsUnavailable } from '../../src/backends/sandbox/dns-world.ts';
import { jsonReport, textSummary } from '../../src/cli/summary.ts';
import { probeEntries } from '../../src/loader/probe-entry.ts';
import { boundEnv, boundEnvs, probe, record, result, variant } from './helpers.ts';

// Runs a backend cannot make on this machine (DNS scenarios in an unprivileged
// sandbox) are set apart with their reason, reported, and shown in place of a result.
const runs = planRuns([probe({ variants: [variant(), variant({ id: 'dns' })] })], boundEnvs(), '1');
const cannot = (reason: string) => (spec: { variant: { id: string } }) => (spec.variant.id === 'dns' ? reason : undefined);

describe('runs a backend cannot make here', () => {
  it('are set apart with the reason; the others run', () => {
    const { runnable, notRun } = splitRunnable(runs, cannot('needs root'));
    expect(runnable.map((r) => r.id)).toEqual(['basics/hello:default@glibc', 'basics/hello:default@musl']);
    expect(notRun.map((n) => [n.spec.id, n.reason])).toEqual([
      ['basics/hello:dns@glibc', 'needs root'],
      ['basics/hello:dns@musl', 'needs root'],
    ]);
  });

  it('are none when the backend does not say', () => {
    expect(splitRunnable(runs).notRun).toEqual([]);
  });

  it('include DNS scenarios in the sandbox only without root', () => {
    expect(dnsUnavailable(true)).toBeUndefined();
    expect(dnsUnavailable(false)).toMatch(/need root under the sandbox backend.*as root or with Docker/);
  });

  it('are counted by reason in the summary and listed in the JSON report', () => {
    const { notRun } = splitRunnable(runs, cannot('needs root'));
    expect(textSummary([record(result())], 0, notRun)).toContain('2 runs not made on this machine: needs root');
    expect(jsonReport([record(result())], notRun).notRun).toEqual([
      { id: 'basics/hello:dns@glibc', reason: 'needs root' },
      { id: 'basics/hello:dns@musl', reason: 'needs root' },
    ]);
  });

  it('reach the page data of their probe, by run id', () => {
    const p = probe({ variants: [variant(), variant({ id: 'dns' })] });
    const { notRun } = splitRunnable(planRuns([p], boundEnvs(boundEnv('glibc')), '1'), cannot('needs root'));
    const [entry] = probeEntries([p], boundEnvs(boundEnv('glibc')), [], notRun);
    expect(entry!.notRun).toEqual({ 'basics/hello:dns@glibc': 'needs root' });
  });
});
