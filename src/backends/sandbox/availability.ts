import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import { LabError } from '../../errors/lab-error.ts';

function sysctl(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Why user namespaces are refused here, when the kernel says so. */
export function userNamespaceBlocker(): string | undefined {
  if (sysctl('/proc/sys/user/max_user_namespaces') === '0') return 'user.max_user_namespaces is 0';
  if (sysctl('/proc/sys/kernel/unprivileged_userns_clone') === '0') return 'kernel.unprivileged_userns_clone is 0';
  if (sysctl('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') return 'AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1)';
  return undefined;
}

/**
 * Can this machine make the sandbox? bubblewrap must exist and be able to
 * create the namespaces (a trial run of /bin/true); the error says what to fix.
 */
export async function sandboxProblem(bwrap = 'bwrap'): Promise<LabError | undefined> {
  const root = process.getuid?.() === 0;
  const trial = ['--unshare-pid', '--unshare-net', '--unshare-ipc', '--unshare-uts', ...(root ? [] : ['--unshare-user']), '--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', '/bin/true'];
  try {
    await execa(bwrap, trial, { stdin: 'ignore', timeout: 10_000 });
    return undefined;
  } catch (error) {
    const e = error as { code?: string; stderr?: string; shortMessage?: string };
    if (e.code === 'ENOENT') {
      return new LabError({
        name: 'SandboxUnavailable',
        message: 'bubblewrap (bwrap) is not installed, and the sandbox backend runs probes with it.',
        hint: 'apt-get install -y bubblewrap (bash scripts/setup.sh does it), or use the Docker backend: --backend docker.',
      });
    }
    const blocker = root ? undefined : userNamespaceBlocker();
    return new LabError({
      name: 'SandboxUnavailable',
      message: `bubblewrap cannot create the sandbox's namespaces here: ${(e.stderr || e.shortMessage || '').trim()}${blocker ? ` (${blocker})` : ''}`,
      hint: root
        ? 'Inside a container, the sandbox needs the host to allow namespaces (e.g. --privileged); otherwise use --backend docker.'
        : 'Allow unprivileged user namespaces (sysctl -w kernel.unprivileged_userns_clone=1 or user.max_user_namespaces=15000), run as root, or use --backend docker. `npm run doctor` explains.',
    });
  }
}
