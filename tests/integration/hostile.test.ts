import { defaultPair } from '../../src/config/environments.ts';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runSession } from '../../src/runner/session.ts';
import type { RunRecord } from '../../src/runner/run.ts';
import { connectDocker, containerLabel } from '../../src/backends/docker/engine.ts';
import { fixtureProject } from './helpers.ts';

// Hostile probes, each a tiny program, through each backend: every one ends as
// a recorded result, and nothing is left running on the host afterwards.
const secretDir = mkdtempSync(join(tmpdir(), 'musl-lab-secret-'));
const secret = join(secretDir, 'secret.txt');
let server: Server;
let connections = 0;

beforeAll(async () => {
  writeFileSync(secret, 'host secret\n');
  server = createServer(() => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => server.close());

describe.each(['docker', 'sandbox'] as const)('on the %s backend', (backend) => {
  const paths = fixtureProject(['hostile']);
  let records: RunRecord[] = [];
  const result = (id: string) => records.find((r) => r.result.id === id)!.result;

  beforeAll(async () => {
    const port = (server.address() as { port: number }).port;
    // Point the network probe at the host's loopback server, the read probe at the host file.
    for (const [name, args] of [['network', [String(port)]], ['read-host', [secret]]] as const) {
      const file = join(paths.probesDir, 'hostile', `${name}.probe.json`);
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      manifest.variants = [{ id: 'default', args }];
      writeFileSync(file, JSON.stringify(manifest));
    }
    records = (await runSession({ envs: defaultPair(), paths, backendChoice: backend })).records;
  });

  describe.each(['glibc-trixie', 'musl-trixie'])('hostile probes on %s', (env) => {
    it('a fork bomb is capped by the pids limit and ended by the timeout', () => {
      expect(result(`hostile/fork-bomb:default@${env}`).outcome.kind).toBe('timeout');
    });

    it('a loop that ignores SIGTERM is killed at the timeout, its output kept', () => {
      const r = result(`hostile/ignore-term:default@${env}`);
      expect(r.outcome.kind).toBe('timeout');
      expect(r.stdout).toBe('ignoring SIGTERM\n');
    });

    it('memory beyond the cap ends in an out-of-memory kill', () => {
      const r = result(`hostile/memory-hog:default@${env}`);
      expect(r.outcome).toMatchObject({ kind: 'signal', signal: 'SIGKILL' });
      expect(r.oomKilled).toBe(true);
      expect(r.stdout).toMatch(/16 MiB/);
    });

    it('cannot write outside /tmp', () => {
      const out = result(`hostile/write-outside:default@${env}`).stdout;
      expect(out).toMatch(/^\/escape: (Read-only file system|Permission denied)$/m);
      expect(out).toMatch(/^\/etc\/escape: (Read-only file system|Permission denied)$/m);
      expect(out).toMatch(/^\/probe\/escape: (Read-only file system|Permission denied)$/m);
      expect(out).toMatch(/^\/tmp\/scratch: written$/m);
    });

    it('has no network but loopback, and cannot reach the host', () => {
      const out = result(`hostile/network:default@${env}`).stdout;
      expect(out.match(/^interface .*$/gm)).toEqual(['interface lo']);
      expect(out).toMatch(/connect 127\.0\.0\.1: Connection refused/);
    });

    it('cannot read a file of the host', () => {
      expect(result(`hostile/read-host:default@${env}`).stdout).toMatch(/No such file or directory/);
    });

    it('a daemon left by main does not outlive the run', () => {
      expect(result(`hostile/daemon:default@${env}`).outcome.kind).toBe('ok');
    });

    it('sleeping past the timeout is a timeout', () => {
      const r = result(`hostile/oversleep:default@${env}`);
      expect(r.outcome.kind).toBe('timeout');
      expect(r.stdout).toBe('going to sleep\n');
    });

    it('keeps raw output as text and flags invalid UTF-8', () => {
      const r = result(`hostile/raw-output:default@${env}`);
      expect(r.stdout).toContain('<script>alert(1)</script>');
      expect(r.stdout).toContain('\u001b[31m');
      expect(r.stdout).toContain('bad byte: \ufffd end');
      expect(r.outputLossy).toBe(true);
    });
  });

  describe('after the hostile runs', () => {
    it('nothing connected to the host loopback server', () => {
      expect(connections).toBe(0);
    });

    it.runIf(backend === 'docker')('no container of ours exists', async () => {
      expect(await connectDocker().listContainers({ all: true, filters: { label: [`${containerLabel}=${process.pid}`] } })).toEqual([]);
    });

    it.runIf(backend === 'sandbox')('no cgroup of ours is left', () => {
      const dir = '/sys/fs/cgroup/pids/musl-lab';
      const ours = existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith(`${process.pid}-`)) : [];
      expect(ours).toEqual([]);
    });

    it('no probe process is left on the host', () => {
      const ps = execFileSync('ps', ['-eo', 'args']).toString();
      expect(ps).not.toMatch(/\/probe\/(daemon|fork-bomb|ignore-term|oversleep|memory-hog)/);
    });
  });
});
