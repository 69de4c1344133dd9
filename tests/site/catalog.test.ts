import { describe, expect, it } from 'vitest';
import { catalogColumns, catalogGroups, differs, entryHref, firstLine, isCatalogId } from '../../src/components/catalog-data.ts';
import type { ProbeEntry, EnvironmentSummary } from '../../src/loader/probe-entry.ts';
import type { Result } from '../../src/runner/result.ts';

const env = (id: string): EnvironmentSummary => ({ id, label: id, family: 'glibc', distro: '', libc: '', compiler: '', imageSource: 'offline', backend: 'docker', runImage: '', buildImage: '', version: '', edge: false, inPage: true });
const probe = (id: string, envs: string[]): ProbeEntry => ({ id, title: id, description: '', sourcePath: '', source: '', build: { kind: 'cc' }, program: '', manifestFile: '', variants: [], environments: envs.map(env), results: [], checks: {}, cachedIds: [], notRun: {}, versionChanges: [], edgeDisagreements: {} });
const result = (kind: Result['outcome']['kind'], stdout: string, diagnostics = ''): Result =>
  ({ outcome: { kind }, stdout, stderr: '', compile: { ok: kind !== 'compile-failed', exitCode: 0, diagnostics, durationMs: 0 } }) as unknown as Result;

describe('catalog matrix helpers', () => {
  it('selects catalog/<group>/<name> ids and links to the group page anchor', () => {
    expect(isCatalogId('catalog/stdio/bufsiz')).toBe(true);
    expect(isCatalogId('locale/available')).toBe(false);
    expect(entryHref('catalog/stdio/bufsiz', '/')).toBe('/differences/stdio/#bufsiz');
  });
  it('orders groups and takes columns from the probes, in config order, with no built-in names', () => {
    const ps = [probe('catalog/time/a', ['musl', 'glibc']), probe('catalog/loader/b', ['glibc', 'newlibc']), probe('other/x', ['glibc'])];
    expect(catalogGroups(ps).map(([g]) => g)).toEqual(['loader', 'time']);
    expect(catalogColumns(ps, ['glibc', 'musl', 'newlibc']).map((e) => e.id)).toEqual(['glibc', 'musl', 'newlibc']);
  });
  it('shows the first output line, or the first compiler error', () => {
    expect(firstLine(result('ok', '\nBUFSIZ=1024\nmore\n'))).toBe('BUFSIZ=1024');
    expect(firstLine(result('compile-failed', '', "x.c: In function 'main':\nx.c:7:10: fatal error: error.h: No such file or directory\n"))).toBe('fatal error: error.h: No such file or directory');
  });
  it('marks rows whose runs differ', () => {
    expect(differs([result('ok', 'a'), result('ok', 'a')])).toBe(false);
    expect(differs([result('ok', 'a'), result('ok', 'b')])).toBe(true);
  });
});
