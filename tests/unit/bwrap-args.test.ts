import { describe, it, expect } from 'vitest';
import { bwrapArgs, type SandboxRequest } from '../../src/backends/sandbox/bwrap-args.ts';

const request = (over: Partial<SandboxRequest> = {}): SandboxRequest => ({
  root: { dir: '/roots/musl', entries: [{ name: 'bin' }, { name: 'etc' }, { name: 'lib', link: 'usr/lib' }, { name: 'usr' }], env: { LANG: 'C.UTF-8' }, nobodyHome: '/nonexistent' },
  cmd: ['/usr/local/bin/lab-run', '/run/lab/status', '/probe/hello', 'a'],
  workdir: '/tmp',
  binds: [{ src: '/cache/bin/k', dest: '/probe' }, { src: '/cache/work-1', dest: '/run/lab', rw: true }],
  asNobody: true,
  timeoutMs: 1000,
  memoryMb: 64,
  pids: 16,
  cpus: 1,
  outputBytes: 1024,
  ...over,
});
const root = { privileged: true, cgroups: true };
const pairs = (args: string[], flag: string) => args.flatMap((a, i) => (a === flag ? [`${args[i + 1]} ${args[i + 2]}`] : []));

describe('the bubblewrap command line', () => {
  it('unshares pid, network, ipc and uts, and dies with its parent', () => {
    const args = bwrapArgs(request(), root);
    for (const flag of ['--unshare-pid', '--unshare-net', '--unshare-ipc', '--unshare-uts', '--die-with-parent', '--new-session', '--as-pid-1']) expect(args).toContain(flag);
  });

  it('builds "/" from the root\'s own folders, read-only, then makes "/" itself read-only', () => {
    const args = bwrapArgs(request(), root);
    expect(pairs(args, '--ro-bind')).toEqual(['/roots/musl/bin /bin', '/roots/musl/etc /etc', '/roots/musl/usr /usr', '/cache/bin/k /probe']);
    expect(pairs(args, '--symlink')).toEqual(['usr/lib /lib']);
    expect([...pairs(args, '--ro-bind'), ...pairs(args, '--bind')].filter((p) => p.endsWith(' /'))).toEqual([]);
    expect(args.slice(args.indexOf('--remount-ro'), args.indexOf('--remount-ro') + 2)).toEqual(['--remount-ro', '/']);
    expect(args.indexOf('--remount-ro')).toBeGreaterThan(args.lastIndexOf('--bind'));
  });

  it('mounts the status folder writable and makes its parent reachable by nobody', () => {
    const args = bwrapArgs(request(), root);
    expect(pairs(args, '--bind')).toEqual(['/cache/work-1 /run/lab']);
    expect(args.join(' ')).toContain('--perms 0755 --dir /run');
  });

  it('private /tmp and /dev/shm, sticky and size-capped', () => {
    const args = bwrapArgs(request(), root).join(' ');
    expect(args).toContain('--perms 1777 --size 67108864 --tmpfs /tmp');
    expect(args).toContain('--perms 1777 --size 67108864 --tmpfs /dev/shm');
  });

  it('sets only the environment it is given, with HOME from the root and the variant\'s variables last', () => {
    const args = bwrapArgs(request({ env: { LANG: 'C' } }), root);
    expect(args).toContain('--clearenv');
    expect(pairs(args, '--setenv')).toEqual(['PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME musl-lab', 'HOME /nonexistent', 'LANG C']);
  });

  it('as root: lab-enter drops to nobody; no user namespace', () => {
    const args = bwrapArgs(request(), root);
    expect(args).not.toContain('--unshare-user');
    expect(args.slice(args.indexOf('/usr/local/bin/lab-enter'))).toEqual(['/usr/local/bin/lab-enter', '-u', '65534:65534', '--', '/usr/local/bin/lab-run', '/run/lab/status', '/probe/hello', 'a']);
  });

  it('unprivileged: a user namespace in which the program is nobody', () => {
    const args = bwrapArgs(request(), { privileged: false, cgroups: false }).join(' ');
    expect(args).toContain('--unshare-user --uid 65534 --gid 65534 --disable-userns');
  });

  it('without cgroups, caps memory and processes with rlimits; with them, not', () => {
    expect(bwrapArgs(request(), { privileged: false, cgroups: false }).join(' ')).toContain(`-r data=${64 * 1024 * 1024} -r nproc=16`);
    expect(bwrapArgs(request(), root).join(' ')).not.toContain('-r data=');
  });

  it('passes the stack limit in bytes, or unlimited', () => {
    expect(bwrapArgs(request({ stackLimitKib: 128 }), root).join(' ')).toContain('-r stack=131072');
    expect(bwrapArgs(request({ stackLimitKib: 'unlimited' }), root).join(' ')).toContain('-r stack=unlimited');
  });

  it('starts sidecars in the run\'s namespaces before the program', () => {
    const args = bwrapArgs(request({ sidecars: ['/usr/sbin/dnsd -p 53'] }), root);
    expect(args.slice(args.indexOf('-S'), args.indexOf('--', args.indexOf('-S')))).toEqual(['-S', '/usr/sbin/dnsd -p 53']);
  });
});
