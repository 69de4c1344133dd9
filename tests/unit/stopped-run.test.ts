import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineLost, isConnectionLost } from '../../src/backends/docker/engine.ts';
import { labRunDied, runSandbox } from '../../src/backends/sandbox/spawn.ts';
import { LabError } from '../../src/errors/lab-error.ts';
import { withProgress } from '../../src/session/stopped-run.ts';

const failure = (fields: Record<string, unknown>, message = 'failed') => Object.assign(new Error(message), fields);

describe('a dropped engine connection', () => {
  it('is a reset, a broken pipe or a hang-up while a request is in flight', () => {
    expect(isConnectionLost(failure({ code: 'ECONNRESET' }, 'socket hang up'))).toBe(true);
    expect(isConnectionLost(failure({ code: 'EPIPE', syscall: 'write' }))).toBe(true);
    expect(isConnectionLost(failure({}, 'socket hang up'))).toBe(true);
  });
  it('is a socket gone or refusing when connecting', () => {
    expect(isConnectionLost(failure({ code: 'ENOENT', syscall: 'connect' }))).toBe(true);
    expect(isConnectionLost(failure({ code: 'ECONNREFUSED', syscall: 'connect' }))).toBe(true);
  });
  it('is not a file the run misses, nor an answer of the engine', () => {
    expect(isConnectionLost(failure({ code: 'ENOENT', syscall: 'open', path: '/x' }))).toBe(false);
    expect(isConnectionLost(failure({ statusCode: 404 }, '(HTTP code 404) no such container'))).toBe(false);
  });
  it('says what happened and what to do', () => {
    const e = engineLost(failure({ code: 'ECONNRESET' }, 'socket hang up'));
    expect(e.name).toBe('DockerEngineLost');
    expect(e.message).toMatch(/stopped answering in the middle of the run: the connection to it dropped \(ECONNRESET\)/);
    expect(e.hint).toMatch(/Start the engine again/);
    expect(e.hint).toMatch(/resumes where it stopped/);
  });
});

describe('a session stopped part-way', () => {
  const lost = engineLost(failure({ code: 'ECONNRESET' }, 'socket hang up'));
  it('says how many runs completed and are kept in the cache', () => {
    const e = withProgress(lost, { total: 108, finished: 78, executed: 70 }) as LabError;
    expect(e.name).toBe('DockerEngineLost');
    expect(e.message).toMatch(/78 of 108 runs had completed and are kept in the cache \(70 executed in this session, 8 already cached\); 30 did not run\./);
    expect(e.hint).toBe(lost.hint);
  });
  it('before planning is done: says no run had completed', () => {
    expect((withProgress(lost, { total: 0, finished: 0, executed: 0 }) as LabError).message).toMatch(/No run had completed yet\./);
  });
  it('leaves other errors as they are', () => {
    const other = new LabError({ name: 'ManifestInvalid', message: 'bad' });
    expect(withProgress(other, { total: 3, finished: 1, executed: 1 })).toBe(other);
  });
});

describe('a sandbox helper that dies', () => {
  const request = {
    root: { dir: '/nonexistent', entries: [], env: {}, nobodyHome: '/' },
    cmd: ['/usr/local/bin/lab-run', '/run/lab/status', '/probe/x'],
    workdir: '/tmp',
    binds: [],
    asNobody: true,
    timeoutMs: 10_000,
    memoryMb: 64,
    pids: 16,
    cpus: 1,
    outputBytes: 1024,
  };
  const mode = { privileged: false, cgroups: false };
  /** A stand-in for bubblewrap: a shell script with the given body. */
  const fakeBwrap = (body: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'musl-lab-bwrap-')), 'bwrap');
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it('killed from outside: a SandboxHelperDied error, not a result', async () => {
    const error = await runSandbox(request, mode, fakeBwrap('kill -KILL $$')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).name).toBe('SandboxHelperDied');
    expect((error as LabError).message).toMatch(/was killed by SIGKILL from outside musl-lab while the run was in flight/);
    expect((error as LabError).stoppedRun).toBe(true);
  });

  it('killed by the runner itself (the timeout): a result as before', async () => {
    const out = await runSandbox({ ...request, timeoutMs: 200 }, mode, fakeBwrap('exec sleep 5'));
    expect(out.timedOut).toBe(true);
  });

  it('ending by itself with an exit status: a result as before', async () => {
    const out = await runSandbox(request, mode, fakeBwrap('echo hi; exit 3'));
    expect(out.statusCode).toBe(3);
    expect(out.stdout.toString()).toBe('hi\n');
  });
});

describe('lab-run, PID 1 of a sandbox, killed from outside', () => {
  const raw = { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), statusCode: 137, timedOut: false, truncated: false, oomKilled: false, totalMs: 5 };
  it('no status and bubblewrap ended with 128 + SIGKILL: the helper died', () => {
    expect(labRunDied(raw, false)?.message).toMatch(/lab-enter\/lab-run, PID 1 of the sandbox\) was killed by SIGKILL/);
  });
  it('a status written (the probe itself was killed): a result', () => {
    expect(labRunDied(raw, true)).toBeUndefined();
  });
  it('a timeout, an output cap or an OOM kill by the runner: a result', () => {
    expect(labRunDied({ ...raw, timedOut: true }, false)).toBeUndefined();
    expect(labRunDied({ ...raw, truncated: true }, false)).toBeUndefined();
    expect(labRunDied({ ...raw, oomKilled: true }, false)).toBeUndefined();
  });
  it('an ordinary failure of bubblewrap (exit 1): left to the result as before', () => {
    expect(labRunDied({ ...raw, statusCode: 1 }, false)).toBeUndefined();
  });
});
