import { describe, it, expect, afterAll } from 'vitest';
import { execa } from 'execa';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPaths } from '../../src/session/session.ts';
import { fixtureProject } from './helpers.ts';

// An engine that dies mid-run: a unix socket in front of the real engine that forwards
// everything until the third probe run (a lab-run container) is being created, then drops every connection and
// stops listening, as a stopped dockerd does. The command must say what happened, how many
// runs completed and were kept, and how to resume; the next run resumes from the cache.
const root = projectPaths().root;
const engineSocket = (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');

/** A proxy that forwards to the engine and drops everything when `shouldDrop` says so for a request chunk. */
function dyingEngine(socketPath: string, shouldDrop: (chunk: Buffer) => boolean) {
  const open = new Set<Socket>();
  let dropped = false;
  const server = createServer((client) => {
    if (dropped) return client.destroy();
    const upstream = connect(engineSocket);
    open.add(client).add(upstream);
    const drop = () => {
      dropped = true;
      server.close();
      for (const s of open) s.destroy();
    };
    client.on('data', (chunk: Buffer) => (shouldDrop(chunk) ? drop() : upstream.write(chunk)));
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  return {
    listening: new Promise<void>((resolve) => server.listen(socketPath, resolve)),
    close: () => {
      server.close();
      for (const s of open) s.destroy();
    },
  };
}

const resultFiles = (cacheDir: string) => {
  try {
    return readdirSync(join(cacheDir, 'results'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
};

describe('the Docker engine dies in the middle of a run', () => {
  const paths = fixtureProject(['fixture']);
  const socket = join(mkdtempSync(join(tmpdir(), 'musl-lab-dying-engine-')), 'docker.sock');
  // Probe runs are the containers whose command is lab-run: let two run, drop at the third.
  let runsCreated = 0;
  const engine = dyingEngine(socket, (chunk) => chunk.includes('"/usr/local/bin/lab-run"') && ++runsCreated === 3);
  afterAll(() => engine.close());
  const env = { MUSL_LAB_ROOT: paths.root, MUSL_LAB_CACHE: paths.cacheDir, MUSL_LAB_BACKEND: 'docker', FORCE_COLOR: '0' };

  it('says the engine stopped answering, how many runs completed and were kept, and how to resume; the next run resumes', async () => {
    await engine.listening;
    // One container at a time, so exactly two runs have finished when the third is being created.
    const r = await execa('node', [join(root, 'scripts', 'probes.ts'), '--concurrency', '1'], {
      env: { ...env, DOCKER_HOST: `unix://${socket}` },
      reject: false,
      all: true,
    });
    expect(r.exitCode, r.all).toBe(1);
    expect(r.all).toMatch(/DockerEngineLost: The Docker engine at unix:\/\/\S+ stopped answering in the middle of the run: the connection to it dropped/);
    expect(r.all).toMatch(/The runs that were in flight could not finish, so they have no result and none was recorded\./);
    // Two probe runs finished, and runs whose compile failed (no container) before them.
    const counts = /(\d+) of (\d+) runs had completed and are kept in the cache \((\d+) executed in this session, 0 already cached\); (\d+) did not run\./.exec(r.all);
    expect(counts, r.all).not.toBeNull();
    const [kept, total] = [Number(counts![1]), Number(counts![2])];
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(Number(counts![3])).toBe(kept);
    expect(Number(counts![4])).toBe(total - kept);
    expect(r.all).toMatch(/hint: Start the engine again .* then run the same command: completed results are cached, so it resumes where it stopped/);
    expect(r.all).not.toMatch(/^Error: socket hang up/m);
    expect(r.all).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(resultFiles(paths.cacheDir)).toHaveLength(kept);

    // The engine is back (the real socket): the same command resumes from the kept results.
    const again = await execa('node', [join(root, 'scripts', 'probes.ts')], { env, reject: false, all: true });
    expect(again.all).toMatch(new RegExp(`${total} runs: ${total - kept} executed, ${kept} from cache`));
  });
});

/** The real bubblewrap, when this machine has one. */
function realBwrap(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

// The same for the sandbox: a `bwrap` first on PATH that is the real one for the first two
// probe runs and, at the third, is killed from outside (SIGKILL), as by the host's OOM killer.
describe.runIf(realBwrap())('a run\'s sandbox helper dies in the middle of a run', () => {
  const paths = fixtureProject(['fixture']);
  const bin = mkdtempSync(join(tmpdir(), 'musl-lab-dying-bwrap-'));
  writeFileSync(
    join(bin, 'bwrap'),
    `#!/bin/sh
case "$*" in *"/usr/local/bin/lab-run"*)
  n=$(( $(cat "${bin}/runs" 2>/dev/null || echo 0) + 1 )); echo "$n" > "${bin}/runs"
  [ "$n" -eq 3 ] && kill -KILL $$ ;;
esac
exec ${realBwrap()} "$@"
`,
  );
  chmodSync(join(bin, 'bwrap'), 0o755);
  const env = { MUSL_LAB_ROOT: paths.root, MUSL_LAB_CACHE: paths.cacheDir, MUSL_LAB_BACKEND: 'sandbox', FORCE_COLOR: '0' };

  it('says the helper was killed, how many runs completed and were kept, and how to resume; the next run resumes', async () => {
    const r = await execa('node', [join(root, 'scripts', 'probes.ts'), '--concurrency', '1'], {
      env: { ...env, PATH: `${bin}:${process.env.PATH}` },
      reject: false,
      all: true,
    });
    expect(r.exitCode, r.all).toBe(1);
    expect(r.all).toMatch(/SandboxHelperDied: The sandbox helper of a run \(bwrap with lab-enter and lab-run inside it, pid \d+\) was killed by SIGKILL from outside musl-lab while the run was in flight\./);
    const counts = /(\d+) of (\d+) runs had completed and are kept in the cache \((\d+) executed in this session, 0 already cached\)/.exec(r.all);
    expect(counts, r.all).not.toBeNull();
    const [kept, total] = [Number(counts![1]), Number(counts![2])];
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(r.all).toMatch(/hint: Find what killed it .* then run the same command again: completed results are cached, so it resumes where it stopped\./);
    expect(r.all).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(resultFiles(paths.cacheDir)).toHaveLength(kept);

    const again = await execa('node', [join(root, 'scripts', 'probes.ts')], { env, reject: false, all: true });
    expect(again.all).toMatch(new RegExp(`${total} runs: ${total - kept} executed, ${kept} from cache`));
  });
});
