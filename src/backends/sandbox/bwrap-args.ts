import type { RootInfo } from './roots.ts';
import type { ExecutionLimits } from '../lab-run-result.ts';

export const sandboxHostname = 'musl-lab';
const path = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface SandboxRequest extends ExecutionLimits {
  root: Pick<RootInfo, 'dir' | 'entries' | 'env' | 'nobodyHome'>;
  /** The command, run by lab-enter (which becomes it, keeping PID 1). */
  cmd: string[];
  workdir: string;
  /** Host paths mounted in the sandbox (read-only unless rw), e.g. the probe at /probe/<name>. */
  binds: Array<{ src: string; dest: string; rw?: boolean }>;
  /** Run as nobody (65534:65534), as Docker's --user does for probes; compiles run as the root's root. */
  asNobody: boolean;
  /**
   * Commands started (by /bin/sh -c, as the sandbox's root) before the program,
   * in its network namespace: e.g. the DNS lab's server. They die with the run.
   */
  sidecars?: string[];
  /** Host files mounted read-only over files of the root's /etc for this run (e.g. resolv.conf naming a sidecar). */
  etc?: Record<string, string>;
  /**
   * When some of those files are not in the root (musl's has no nsswitch.conf):
   * the root's own /etc entries, each bound into a fresh /etc beside them.
   */
  etcEntries?: Array<{ name: string; link?: string }>;
  /** Share this existing network namespace (the runner enters it before bubblewrap) instead of a new one. */
  sharedNetwork?: boolean;
}

export interface HostMode {
  /** Root on the host: namespaces without a user namespace, and a real drop to nobody inside. */
  privileged: boolean;
  /** Caps enforced by cgroups (else by rlimits inside the sandbox). */
  cgroups: boolean;
}

/**
 * The bubblewrap command line of one run. The sandbox's "/" is an empty,
 * read-only tmpfs into which the root's top-level folders are bound read-only,
 * so mount points (/probe, /run/lab) need no writable root and no host file is
 * visible. New pid, network (loopback up), ipc and uts namespaces; private
 * /tmp and /dev/shm; lab-enter as PID 1 with SIGKILL on bubblewrap's death.
 */
export function bwrapArgs(req: SandboxRequest, mode: HostMode): string[] {
  const args = ['--unshare-pid', ...(req.sharedNetwork ? [] : ['--unshare-net']), '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try'];
  if (!mode.privileged) {
    // Unprivileged: a user namespace in which the program is nobody (or root, for a compile).
    const id = req.asNobody ? '65534' : '0';
    args.push('--unshare-user', '--uid', id, '--gid', id, '--disable-userns');
  }
  args.push('--die-with-parent', '--new-session', '--as-pid-1', '--hostname', sandboxHostname);
  for (const entry of req.root.entries) {
    if (entry.link !== undefined) args.push('--symlink', entry.link, `/${entry.name}`);
    else if (entry.name === 'etc' && req.etcEntries) {
      args.push('--perms', '0755', '--tmpfs', '/etc');
      for (const e of req.etcEntries) {
        if (e.link !== undefined) args.push('--symlink', e.link, `/etc/${e.name}`);
        else args.push('--ro-bind', `${req.root.dir}/etc/${e.name}`, `/etc/${e.name}`);
      }
    } else args.push('--ro-bind', `${req.root.dir}/${entry.name}`, `/${entry.name}`);
  }
  args.push('--proc', '/proc', '--dev', '/dev');
  args.push('--perms', '1777', '--size', String(64 * 1024 * 1024), '--tmpfs', '/tmp');
  args.push('--perms', '1777', '--size', String(64 * 1024 * 1024), '--tmpfs', '/dev/shm');
  // bubblewrap would make missing parents of a mount point private (0700), out of nobody's reach.
  const made = new Set(['/', '/tmp', '/dev', '/proc', ...req.root.entries.map((e) => `/${e.name}`)]);
  for (const b of req.binds) {
    const parts = b.dest.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (made.has(dir)) continue;
      made.add(dir);
      args.push('--perms', '0755', '--dir', dir);
    }
    args.push(b.rw ? '--bind' : '--ro-bind', b.src, b.dest);
  }
  // Over a file the root already has (roots.ts creates hosts, resolv.conf and hostname).
  for (const [name, src] of Object.entries(req.etc ?? {})) args.push('--ro-bind', src, `/etc/${name}`);
  args.push('--remount-ro', '/', ...(req.etcEntries ? ['--remount-ro', '/etc'] : []), '--chdir', req.workdir, '--clearenv');
  const env: Record<string, string> = {
    PATH: path,
    HOSTNAME: sandboxHostname,
    HOME: req.asNobody ? req.root.nobodyHome : '/root',
    ...req.root.env,
    ...(req.env ?? {}),
  };
  for (const [k, v] of Object.entries(env)) args.push('--setenv', k, v);
  args.push('/usr/local/bin/lab-enter');
  if (req.asNobody) args.push('-u', '65534:65534');
  if (req.stackLimitKib !== undefined) args.push('-r', `stack=${req.stackLimitKib === 'unlimited' ? 'unlimited' : req.stackLimitKib * 1024}`);
  if (!mode.cgroups) {
    // No cgroup: the documented fallback (see cgroup.ts).
    args.push('-r', `data=${req.memoryMb * 1024 * 1024}`, '-r', `nproc=${req.pids}`);
  }
  for (const s of req.sidecars ?? []) args.push('-S', s);
  args.push('--', ...req.cmd);
  return args;
}
