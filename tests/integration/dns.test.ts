import { defaultPair } from '../../src/config/environments.ts';
import { describe, it, expect, beforeAll } from 'vitest';
import { runSession } from '../../src/runner/session.ts';
import { connectDocker, containerLabel } from '../../src/backends/docker/engine.ts';
import { fixtureProject, sessionRecords } from './helpers.ts';

// A DNS scenario through each backend on both libcs: the server in its own
// container or sandbox, the probe in its network namespace, the query log in the result.
describe.each(['docker', 'sandbox'] as const)('on the %s backend', (backend) => {
  const paths = fixtureProject(['dns']);
  const session = sessionRecords();
  const { run } = session;

  beforeAll(async () => {
    session.records = (await runSession({ envs: defaultPair(), paths, backendChoice: backend })).records;
  }, 120_000);

  describe('DNS scenario world', () => {
    it.each(['glibc-trixie', 'musl-trixie'])('resolves through the scenario server on %s and logs each query with its nameserver', (env) => {
      const r = run(`dns/gai:dns@${env}`);
      expect(r.outcome.kind).toBe('ok');
      expect(r.stdout).toBe('10.0.0.10\n');
      expect(r.dns?.scenario).toBe('dead-first');
      // Both libcs ask the silent first server once and the second once; only the timing differs.
      expect(r.dns?.queries.map((q) => [q.server, q.transport, q.type, q.name, q.answer])).toEqual([
        ['127.0.0.53', 'udp', 'A', 'app.lab.test', 'silent'],
        ['127.0.1.1', 'udp', 'A', 'app.lab.test', 'NOERROR'],
      ]);
    });

    it('glibc waits for the silent first server (timeout:1); musl asks both at once', () => {
      const gap = (env: string) => {
        const [a, b] = run(`dns/gai:dns@${env}`).dns!.queries;
        return b!.t - a!.t;
      };
      expect(gap('glibc-trixie')).toBeGreaterThan(900);
      expect(gap('musl-trixie')).toBeLessThan(500);
    });

    it.each(['glibc-trixie', 'musl-trixie'])('reads the scenario\'s /etc/hosts on %s without asking DNS', (env) => {
      const r = run(`dns/gai:hosts@${env}`);
      expect(r.stdout).toBe('10.9.9.9\n');
      expect(r.dns?.queries).toEqual([]);
    });

    it.runIf(backend === 'docker')('leaves no server container behind', async () => {
      const left = await connectDocker().listContainers({ all: true, filters: { label: [`${containerLabel}=${process.pid}`] } });
      expect(left).toEqual([]);
    });
  });
});
