import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDocker, containerLabel } from '../../src/backends/docker/engine.ts';
import { DockerBackend } from '../../src/backends/docker/docker-backend.ts';
import { runContainer, settleRemovals, type ContainerRequest } from '../../src/backends/docker/container.ts';
import { endMarkerFor } from '../../src/backends/docker/run-end.ts';
import { defaultEnvironmentOf } from '../../src/config/environments.ts';
import { fixtureProject } from './helpers.ts';

// A Docker run ends at lab-run's end markers, not at the engine's report of the container's exit.
const docker = connectDocker();
let image = '';

beforeAll(async () => {
  const paths = fixtureProject();
  const backend = new DockerBackend({ docker, probesDir: paths.probesDir, dockerDir: paths.dockerDir, cacheDir: paths.cacheDir, runnerVersion: 'test', imageSource: 'auto', log: () => undefined });
  const musl = defaultEnvironmentOf('musl');
  image = (await backend.bindEnvironments([musl])).get(musl)!.runImage.id;
});

afterAll(async () => {
  await settleRemovals();
  const left = await docker.listContainers({ all: true, filters: { label: [`${containerLabel}=${process.pid}`] } });
  expect(left).toEqual([]);
});

function labRun(script: string, marker: boolean) {
  const work = mkdtempSync(join(tmpdir(), 'musl-lab-run-end-'));
  chmodSync(work, 0o777);
  const request: ContainerRequest = {
    image,
    cmd: ['/usr/local/bin/lab-run', '/run/lab/status', '/bin/sh', '-c', script],
    workdir: '/tmp',
    user: '65534:65534',
    binds: [`${work}:/run/lab`],
    timeoutMs: 10_000,
    memoryMb: 64,
    pids: 16,
    cpus: 1,
    outputBytes: 1 << 16,
    ...(marker ? { endMarker: endMarkerFor(work), removeInBackground: true } : {}),
  };
  return { work, run: () => runContainer(docker, request) };
}

describe('the end of a Docker run', () => {
  it('comes at the markers: the output is whole, without them, and the engine\'s exit is not awaited', async () => {
    // NUL bytes and the marker's opening words, as the program's own output, must survive.
    const { work, run } = labRun("printf 'out\\000\\000lab-run end\\n'; printf 'err\\000' >&2", true);
    const out = await run();
    expect(out.stdout).toEqual(Buffer.from('out\0\0lab-run end\n'));
    expect(out.stderr).toEqual(Buffer.from('err\0'));
    expect(out.statusCode).toBeNull();
    expect(JSON.parse(readFileSync(join(work, 'status'), 'utf8'))).toMatchObject({ exit: 0 });
  });

  it('the program cannot read the marker: lab-run deletes it before the program starts', async () => {
    const { run } = labRun('cat /run/lab/status.end 2>&1; ls /run/lab', true);
    const out = await run();
    expect(out.stdout.toString()).toMatch(/No such file/);
    expect(out.stdout.toString()).not.toMatch(/lab-run end/);
  });

  it('a program killed with SIGKILL waits for the engine, which knows whether the memory cap did it', async () => {
    const { work, run } = labRun('echo before; kill -9 $$', true);
    const out = await run();
    expect(out.stdout.toString()).toBe('before\n');
    expect(out.statusCode).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'status'), 'utf8'))).toMatchObject({ signal: 9 });
  });

  it('without a marker file, lab-run adds nothing to the output and the run ends at the exit', async () => {
    const { run } = labRun("printf 'plain'", false);
    const out = await run();
    expect(out.stdout.toString()).toBe('plain');
    expect(out.stderr.toString()).toBe('');
    expect(out.statusCode).toBe(0);
  });
});
