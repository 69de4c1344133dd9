import { defaultPair } from '../../src/config/environments.ts';
import { describe, it, expect, beforeAll } from 'vitest';
import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runSession } from '../../src/runner/session.ts';
import { connectDocker, containerLabel } from '../../src/backends/docker/engine.ts';
import { fixtureProject, sessionRecords } from './helpers.ts';

// Real compiles and runs through each backend (Docker containers, the bubblewrap
// sandbox), in both environments, with tiny fixtures: the same results from both.
async function ourContainers() {
  return connectDocker().listContainers({ all: true, filters: { label: [`${containerLabel}=${process.pid}`] } });
}

/** What the backend left running: containers of this process, or run cgroups of this process. */
async function leftovers(backend: 'docker' | 'sandbox'): Promise<unknown[]> {
  if (backend === 'docker') return ourContainers();
  const dir = '/sys/fs/cgroup/pids/musl-lab';
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith(`${process.pid}-`)) : [];
}

describe.each(['docker', 'sandbox'] as const)('the %s backend', (backend) => {
  const paths = fixtureProject();
  const session = sessionRecords();
  const { run } = session;

  beforeAll(async () => {
    session.records = (await runSession({ envs: defaultPair(), paths, backendChoice: backend })).records;
  });

  describe('both environments', () => {
    it('records which backend ran each result', () => {
      expect(new Set(session.records.map((r) => r.result.provenance.backend))).toEqual(new Set([backend]));
    });

    it.each(['glibc-trixie', 'musl-trixie'])('runs hello world on %s with stdout and stderr kept apart', (env) => {
      const r = run(`fixture/hello:default@${env}`);
      expect(r.outcome).toEqual({ kind: 'ok', exitCode: 0 });
      expect(r.stdout).toBe('out line\n');
      expect(r.stderr).toBe('err line\n');
      expect(r.provenance.libc).toMatch(env.startsWith('musl') ? /musl/ : /GLIBC|GNU libc/i);
    });

    it('records the musl run image refusing a glibc-linked binary: "not found", exit 127', () => {
      const r = run('fixture/hello:built-on-glibc@musl-trixie');
      expect(r.compileEnvId).toBe('glibc-trixie');
      expect(r.outcome).toEqual({ kind: 'exit', exitCode: 127 });
      expect(r.stderr).toMatch(/not found/);
    });

    it.each(['glibc-trixie', 'musl-trixie'])('records a segfault on %s as SIGSEGV with the output before it', (env) => {
      const r = run(`fixture/segv:default@${env}`);
      expect(r.outcome.kind).toBe('signal');
      expect(r.outcome.signal).toBe('SIGSEGV');
      expect(r.stdout).toBe('before\n');
    });

    it('records an endless loop as a timeout and leaves nothing behind', async () => {
      const r = run('fixture/loop:default@musl-trixie');
      expect(r.outcome.kind).toBe('timeout');
      expect(r.timedOut).toBe(true);
      expect(await leftovers(backend)).toEqual([]);
    });

    it.each(['glibc-trixie', 'musl-trixie'])('records a compile error on %s with the diagnostics', (env) => {
      const r = run(`fixture/broken:default@${env}`);
      expect(r.outcome.kind).toBe('compile-failed');
      expect(r.compile.ok).toBe(false);
      expect(r.compile.diagnostics).toMatch(/undeclared_thing/);
      expect(r.stdout).toBe('');
    });

    it('passes arguments and stdin, and records a non-zero exit code', () => {
      const r = run('fixture/exit3:default@glibc-trixie');
      expect(r.outcome).toEqual({ kind: 'exit', exitCode: 3 });
      expect(r.stdout).toBe('stdin: hi there\nargs: 1 a b\n');
    });

    it('stops a run at the output cap and keeps what came before', () => {
      const r = run('fixture/flood:default@glibc-trixie');
      expect(r.outcome.kind).toBe('output-truncated');
      expect(r.stdout.length).toBe(65536);
    });

    it('leaves no container or sandbox behind after a session', async () => {
      expect(await leftovers(backend)).toEqual([]);
    });
  });

  describe('cache', () => {
    it('executes nothing on a second session with nothing changed', async () => {
      const again = await runSession({ envs: defaultPair(), paths, backendChoice: backend });
      expect(again.records.filter((r) => !r.cached)).toEqual([]);
      expect(again.records.length).toBe(session.records.length);
    });

    it('re-runs only the edited probe', async () => {
      appendFileSync(join(paths.probesDir, 'fixture', 'exit3.c'), '/* edited */\n');
      const again = await runSession({ envs: defaultPair(), paths, backendChoice: backend });
      const executed = again.records.filter((r) => !r.cached).map((r) => r.result.id).sort();
      expect(executed).toEqual(['fixture/exit3:default@glibc-trixie', 'fixture/exit3:default@musl-trixie']);
    });

    it('re-runs everything with force', async () => {
      const again = await runSession({ envs: defaultPair(), paths, backendChoice: backend, force: true, only: ['fixture/hello'] });
      expect(again.records.every((r) => !r.cached)).toBe(true);
    });
  });
});
