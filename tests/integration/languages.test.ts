import { describe, it, expect, beforeAll } from 'vitest';
import { runSession } from '../../src/session/session.ts';
import type { NotRun } from '../../src/session/run.ts';
import { fixtureProject, sessionRecords } from './helpers.ts';

// One tiny Go, Rust and Python program through each backend: built with the default pair's
// toolchain image (Debian's golang-go, rustc, python3), run in both libcs.
describe.each(['docker', 'sandbox'] as const)('Go, Rust and Python probes on the %s backend', (backend) => {
  const session = sessionRecords();
  const { run } = session;
  let notRun: NotRun[] = [];

  beforeAll(async () => {
    const done = await runSession({ paths: fixtureProject(['languages']), backendChoice: backend });
    session.records = done.records;
    notRun = done.notRun;
  }, 1_800_000);

  it('meets every expectation of the fixtures', () => {
    for (const r of session.records) expect(r.mismatches, r.result.id).toEqual([]);
  });

  it('runs a Go program built without cgo on both libcs, with go version in the provenance', () => {
    for (const env of ['glibc-trixie', 'musl-trixie']) {
      const r = run(`languages/hello-go:default@${env}`);
      expect(r.outcome.kind).toBe('ok');
      expect(r.provenance.toolchain).toMatch(/^go version go1\.\d+/);
      expect(r.provenance.compileCommand).toContain('CGO_ENABLED=0');
    }
  });

  it('runs the GNU-target Rust program on glibc and gets "not found" on musl', () => {
    expect(run('languages/hello-rs:default@glibc-trixie').provenance.toolchain).toMatch(/^rustc 1\.\d+/);
    expect(run('languages/hello-rs:default@musl-trixie').outcome).toEqual({ kind: 'exit', exitCode: 127 });
  });

  it('runs a Python program with the run image\'s python3, and says why musl has none', () => {
    const r = run('languages/hello-py:default@glibc-trixie');
    expect(r.argv).toEqual(['/usr/bin/python3', '/probe/hello-py.py']);
    expect(r.provenance.toolchain).toMatch(/^Python 3\.\d+/);
    const musl = notRun.find((n) => n.spec.id === 'languages/hello-py:default@musl-trixie');
    expect(musl?.reason).toMatch(/no Python interpreter \(\/usr\/bin\/python3\)/);
  });
});
