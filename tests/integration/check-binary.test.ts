import { defaultPair } from '../../src/config/environments.ts';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runSession } from '../../src/runner/session.ts';
import { readElf } from '../../src/check/elf.ts';
import { fixtureProject } from './helpers.ts';

/**
 * check-binary against reality: small programs built by the runner during the test,
 * judged per environment and run there; every verdict must match what happened.
 */
/** Each fixture run's verdict (none for the tool run, which has no binary of its own to judge). */
const expectedVerdicts = {
  'check/hello:native@glibc-trixie': 'runs',
  'check/hello:native@musl-trixie': 'runs',
  'check/hello:glibc-on-musl@musl-trixie': 'fails',
  'check/hello:musl-on-stock@glibc-stock': 'fails',
  'check/hello:static-glibc-on-musl@musl-trixie': 'runs',
  'check/hello:tool@glibc-trixie': undefined,
};

describe('check-binary beside real runs', () => {
  const paths = fixtureProject(['check']);
  const session = runSession({ envs: [...defaultPair(), 'glibc-stock'], paths });

  it('predicts each run: native runs, glibc build fails on musl and musl build on stock glibc, static runs', async () => {
    const { records } = await session;
    const verdicts = Object.fromEntries(records.map((r) => [r.result.id, r.check?.verdict]));
    expect(verdicts).toEqual(expectedVerdicts);
    for (const r of records) expect(r.mismatches, r.result.id).toEqual([]);
    const failed = records.find((r) => r.result.id === 'check/hello:glibc-on-musl@musl-trixie')!;
    expect(failed.check!.reasons.join('\n')).toContain('/lib64/ld-linux-x86-64.so.2 does not exist');
    expect(failed.result.outcome).toMatchObject({ kind: 'exit', exitCode: 127 });
  }, 240_000);

  it('gives the same verdicts on the sandbox backend, read from its root filesystems', async () => {
    const { records } = await runSession({ envs: [...defaultPair(), 'glibc-stock'], paths: fixtureProject(['check']), backendChoice: 'sandbox' });
    const verdicts = Object.fromEntries(records.map((r) => [r.result.id, r.check?.verdict]));
    expect(verdicts).toEqual(expectedVerdicts);
    for (const r of records) expect(r.mismatches, r.result.id).toEqual([]);
  }, 240_000);

  it('reads interpreter, needed libraries and symbol versions from a glibc build', async () => {
    await session;
    const dir = join(paths.cacheDir, 'bin');
    const { readdirSync } = await import('node:fs');
    const facts = await Promise.all(readdirSync(dir).filter((d) => !d.endsWith('.json')).map((d) => readElf(join(dir, d, 'hello'))));
    const glibc = facts.find((f) => f.interpreter === '/lib64/ld-linux-x86-64.so.2')!;
    expect(glibc.needed).toEqual(['libc.so.6']);
    expect(glibc.versionNeeds[0]!.file).toBe('libc.so.6');
    expect(glibc.versionNeeds[0]!.versions).toContain('GLIBC_2.2.5');
    expect(glibc.required.map((s) => s.name)).toContain('puts');
    const musl = facts.find((f) => f.interpreter === '/lib/ld-musl-x86_64.so.1')!;
    expect(musl.needed).toEqual(['libc.so']);
    expect(musl.versionNeeds).toEqual([]);
    expect(facts.some((f) => !f.interpreter && f.needed.length === 0)).toBe(true);
  }, 240_000);
});
