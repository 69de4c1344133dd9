import { describe, it, expect } from 'vitest';
import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPaths } from '../../src/session/session.ts';
import { fixtureProject } from './helpers.ts';

// Engine faults give one clear message with the fix, a non-zero exit, and no stack trace.
const root = projectPaths().root;
const run = (script: string, env: Record<string, string>) =>
  execa('node', [join(root, 'scripts', script)], { env: { FORCE_COLOR: '0', ...env }, reject: false, all: true });
function readableByNobody(dir: string): boolean {
  try {
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-r', join(dir, 'scripts', 'probes.ts')]);
    return true;
  } catch {
    return false;
  }
}
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('engine faults', () => {
  const paths = fixtureProject(['fixture']);
  // The Docker backend asked for by name: with auto, a missing engine means the sandbox instead.
  const base = { MUSL_LAB_ROOT: paths.root, MUSL_LAB_CACHE: paths.cacheDir, MUSL_LAB_BACKEND: 'docker' };

  it('no engine and the default backend: runs in the sandbox and says why', async () => {
    const r = await run('probes.ts', { ...base, MUSL_LAB_BACKEND: 'auto', DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(r.all).toMatch(/backend: sandbox \(no Docker engine answers \(ENOENT\)\)/);
    expect(r.exitCode, r.all).toBe(0);
  });

  it('no engine: says it is not running and how to start it', async () => {
    const r = await run('probes.ts', { ...base, DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(r.exitCode).toBe(1);
    expect(r.all).toMatch(/DockerNotRunning: No Docker engine answers at unix:\/\/\/nonexistent\/docker.sock/);
    expect(r.all).toMatch(/hint: Install and start one/);
    noStackTrace(r.all);
  });

  it('doctor reports the missing engine and exits non-zero', async () => {
    const r = await run('doctor.ts', { ...base, DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(r.exitCode).toBe(1);
    expect(r.all).toMatch(/MISSING Docker engine/);
    expect(r.all).toMatch(/fix: /);
  });

  it('a socket nobody listens on: says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'musl-lab-sock-'));
    const socket = join(dir, 'docker.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    server.close();
    const r = await run('probes.ts', { ...base, DOCKER_HOST: `unix://${socket}` });
    expect(r.exitCode).toBe(1);
    expect(r.all).toMatch(/Docker(NotRunning|Unavailable)/);
    noStackTrace(r.all);
  });

  // Dropping to an unprivileged user needs root, and a checkout that user can read
  // (a clone in a private temp folder is not); the message itself is unit-tested too.
  it.runIf(process.getuid?.() === 0 && readableByNobody(root))('permission denied on the socket: says how to get access (run as nobody)', async () => {
    const r = await execa('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(root, 'scripts', 'probes.ts')], {
      env: { ...base, MUSL_LAB_CACHE: mkdtempSync(join(tmpdir(), 'musl-lab-nobody-')), FORCE_COLOR: '0' },
      reject: false,
      all: true,
    });
    expect(r.all).toMatch(/DockerPermissionDenied: Permission denied on the Docker socket/);
    expect(r.all).toMatch(/docker" group/);
  });

  it('a failing image build names the recipe and shows the end of its log', async () => {
    const dockerDir = mkdtempSync(join(tmpdir(), 'musl-lab-docker-'));
    cpSync(join(root, 'docker'), dockerDir, { recursive: true });
    writeFileSync(join(dockerDir, 'offline', 'musl-run.Dockerfile'), 'ARG BUILD\nFROM ${BUILD}\nRUN echo about to fail && false\n');
    chmodSync(dockerDir, 0o755);
    const r = await run('images.ts', { ...base, MUSL_LAB_DOCKER: dockerDir, MUSL_LAB_IMAGES: 'offline' });
    expect(r.exitCode).toBe(1);
    expect(r.all).toMatch(/ImageBuildFailed: Building musl-lab\/musl-run:[a-z]+-[0-9a-f]{8} from docker\/offline\/musl-run.Dockerfile failed/);
    expect(r.all).toMatch(/about to fail/);
    noStackTrace(r.all);
  });
});
