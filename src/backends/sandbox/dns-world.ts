import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedScenario } from '../../dns/load-scenario.ts';
import { renderResolverFiles } from '../../dns/resolver-files.ts';
import { parseQueryLog, type DnsRun } from '../../dns/query-log.ts';
import { serverMountPairs } from '../docker/dns-world.ts';
import { LabError } from '../../errors/lab-error.ts';
import type { RootInfo } from './roots.ts';

/**
 * A DNS scenario under the sandbox backend: the scenario server runs in its own
 * bubblewrap sandbox (the glibc root, for the pinned Node) with a new network
 * namespace holding only loopback, and the probe's sandbox is started inside
 * that same network namespace (nsenter before bubblewrap), so the two share a
 * private 127.0.0.0/8 that nothing else can reach — as the Docker world does
 * with "container:<id>". The resolver files are mounted over the probe's /etc.
 */
export interface SandboxDnsWorld {
  /** The network namespace the probe's sandbox must enter. */
  netns: string;
  /** /etc files for the probe, by name → host path. */
  etc: Record<string, string>;
  /** Stops the server and returns its query log. */
  stop(): Promise<DnsRun>;
}

/** Why a DNS scenario cannot run in this sandbox mode, or undefined when it can. */
export function dnsUnavailable(privileged: boolean): string | undefined {
  if (privileged) return undefined;
  return "DNS scenarios need root under the sandbox backend (the probe's sandbox joins the network namespace of the scenario's server); build as root or with Docker to run them";
}

export async function startSandboxDnsWorld(root: RootInfo, resolved: ResolvedScenario, workDir: string, privileged: boolean, bwrap = 'bwrap'): Promise<SandboxDnsWorld> {
  const unavailable = dnsUnavailable(privileged);
  if (unavailable) throw new LabError({ name: 'DnsNeedsRoot', message: `DNS scenario ${resolved.file}: ${unavailable}.`, hint: 'Run as root, or use the Docker backend (--backend docker).' });
  const etcDir = join(workDir, 'etc');
  const logDir = join(workDir, 'dns-log');
  mkdirSync(etcDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  chmodSync(workDir, 0o755);
  chmodSync(etcDir, 0o755);
  chmodSync(logDir, 0o777);
  const files = renderResolverFiles(resolved.scenario);
  const etc: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    etc[name] = join(etcDir, name);
    writeFileSync(etc[name], text, { mode: 0o644 });
  }
  writeFileSync(join(workDir, 'scenario.json'), JSON.stringify(resolved.scenario), { mode: 0o644 });

  const args = ['--unshare-pid', '--unshare-net', '--unshare-ipc', '--unshare-uts', '--die-with-parent', '--new-session', '--info-fd', '3'];
  for (const entry of root.entries) {
    if (entry.link !== undefined) args.push('--symlink', entry.link, `/${entry.name}`);
    else args.push('--ro-bind', `${root.dir}/${entry.name}`, `/${entry.name}`);
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--perms', '1777', '--size', String(16 * 1024 * 1024), '--tmpfs', '/tmp');
  // Under a folder of its own: the root's /opt is a read-only mount where nothing can be added.
  const at = (inside: string) => inside.replace(/^\/opt\//, '/lab-dns/');
  for (const [host, inside] of serverMountPairs()) args.push('--ro-bind', host, at(inside));
  args.push('--ro-bind', join(workDir, 'scenario.json'), '/lab-dns/scenario.json', '--bind', logDir, '/log', '--remount-ro', '/');
  // Port 53 needs one capability; the server keeps only that one.
  args.push('--cap-drop', 'ALL', '--cap-add', 'CAP_NET_BIND_SERVICE', '--clearenv', '--setenv', 'HOME', '/tmp', '--setenv', 'NODE_OPTIONS', '');
  args.push(at('/opt/node/bin/node'), at('/opt/dns/src/dns/server-main.ts'), '/lab-dns/scenario.json', '/log');
  const server = spawn(bwrap, args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  let info = '';
  (server.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (info += d.toString()));
  let exited = false;
  const gone = new Promise<void>((resolve) => server.on('close', () => {
    exited = true;
    resolve();
  }));
  server.on('error', () => undefined);
  const stop = async (): Promise<DnsRun> => {
    // SIGTERM to the server itself, so it logs what its sockets still hold before it exits (src/dns/drain.ts).
    // Not to bubblewrap's init (the info's child-pid): an init killed from outside takes the sandbox with it.
    const node = serverPid();
    if (!exited && node !== undefined) {
      try {
        process.kill(node, 'SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      } catch {
        // already gone
      }
    }
    if (!exited) server.kill('SIGKILL');
    await gone;
    const logFile = join(logDir, 'queries.jsonl');
    return { scenario: resolved.id, ...parseQueryLog(existsSync(logFile) ? readFileSync(logFile, 'utf8') : '') };
  };
  /** The server's pid on the host: the one child of bubblewrap's init (src/dns/server-main.ts under node). */
  const serverPid = (): number | undefined => {
    const init = /"child-pid":\s*(\d+)/.exec(info)?.[1];
    if (!init) return undefined;
    try {
      const children = readFileSync(`/proc/${init}/task/${init}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      return children.length === 1 ? Number(children[0]) : undefined;
    } catch {
      return undefined;
    }
  };
  const deadline = Date.now() + 20_000;
  while (!existsSync(join(logDir, 'ready')) || !/"child-pid"/.test(info)) {
    if (exited || Date.now() > deadline) {
      const wasRunning = !exited;
      await stop();
      throw new LabError({
        name: 'DnsServerFailed',
        message: `The DNS server for scenario ${resolved.file} ${wasRunning ? 'did not become ready within 20 s' : 'stopped before it was ready'}.${output.trim() ? `\n    ${output.trim()}` : ''}`,
        hint: "Check the scenario's addresses (127.0.0.0/8) and that `bash scripts/with-node.sh npm install` has run.",
      });
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const pid = Number(/"child-pid":\s*(\d+)/.exec(info)![1]);
  return { netns: `/proc/${pid}/ns/net`, etc, stop };
}
