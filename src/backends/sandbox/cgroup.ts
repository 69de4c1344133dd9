import { existsSync, accessSync, constants, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How the sandbox's memory, process and CPU caps are enforced.
 *  - cgroup-v1: a cgroup per run under /sys/fs/cgroup/{memory,pids,cpu}/musl-lab
 *    (needs root): the caps hold like Docker's, an OOM kill is seen, and the
 *    whole tree can be killed by listing the cgroup.
 *  - rlimit: no cgroup can be made (not root, or no cgroup v1 hierarchy):
 *    RLIMIT_DATA caps writable private memory, touched or not (malloc fails
 *    before any OOM kill). Not RLIMIT_AS: address space that is only reserved
 *    (glibc's per-thread malloc arenas, Go's heap) would count, and esbuild or a
 *    16-thread glibc program then fail at start under a 256 MiB cap.
 *    RLIMIT_NPROC caps the processes of the user (all of its processes count),
 *    and there is no CPU share. `npm run doctor` says which mode holds here.
 */
export type LimitMode = 'cgroup-v1' | 'rlimit';

const controllers = ['memory', 'pids', 'cpu'] as const;

export interface CgroupHost {
  base: string;
}

export function limitMode(base = '/sys/fs/cgroup'): { mode: LimitMode; reason: string } {
  if (process.getuid?.() !== 0) return { mode: 'rlimit', reason: 'not root: no cgroup can be created for a run' };
  for (const c of controllers) {
    const dir = join(base, c);
    if (!existsSync(join(dir, 'cgroup.procs')) || !existsSync(join(dir, 'tasks'))) {
      return { mode: 'rlimit', reason: `no cgroup v1 "${c}" hierarchy at ${dir}` };
    }
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      return { mode: 'rlimit', reason: `${dir} is not writable` };
    }
  }
  return { mode: 'cgroup-v1', reason: 'root with cgroup v1 memory, pids and cpu controllers' };
}

export interface RunCgroup {
  /** The cgroup.procs files a new process must join, one per controller. */
  procs: string[];
  /** The run's cpu cgroup folder: shown read-only at /sys/fs/cgroup/cpu, where a container sees its quota. */
  cpuDir: string;
  oomKilled(): boolean;
  /** SIGKILLs every process still in the run's cgroup. */
  killAll(): void;
  remove(): Promise<void>;
}

let serial = 0;

/** Makes the cgroups of one run with its caps. `extraPids` counts bubblewrap's own monitor process. */
export function createRunCgroup(limits: { memoryMb: number; pids: number; cpus: number }, extraPids: number, base = '/sys/fs/cgroup'): RunCgroup {
  const name = `${process.pid}-${++serial}`;
  const dir = (c: string) => join(base, c, 'musl-lab', name);
  for (const c of controllers) mkdirSync(dir(c), { recursive: true });
  const bytes = String(limits.memoryMb * 1024 * 1024);
  writeFileSync(join(dir('memory'), 'memory.limit_in_bytes'), bytes);
  // No swap either (Docker's MemorySwap = Memory); the file exists only with swap accounting.
  if (existsSync(join(dir('memory'), 'memory.memsw.limit_in_bytes'))) writeFileSync(join(dir('memory'), 'memory.memsw.limit_in_bytes'), bytes);
  writeFileSync(join(dir('pids'), 'pids.max'), String(limits.pids + extraPids));
  writeFileSync(join(dir('cpu'), 'cpu.cfs_period_us'), '100000');
  writeFileSync(join(dir('cpu'), 'cpu.cfs_quota_us'), String(Math.max(1000, Math.round(limits.cpus * 100000))));
  const pidsIn = () =>
    readFileSync(join(dir('pids'), 'cgroup.procs'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(Number);
  return {
    procs: controllers.map((c) => join(dir(c), 'cgroup.procs')),
    cpuDir: dir('cpu'),
    oomKilled: () => {
      const control = readFileSync(join(dir('memory'), 'memory.oom_control'), 'utf8');
      return Number(/^oom_kill (\d+)/m.exec(control)?.[1] ?? 0) > 0;
    },
    killAll: () => {
      for (const pid of pidsIn()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
    remove: async () => {
      // A cgroup can be removed once its last process is reaped, which may lag the exit a little.
      for (let attempt = 0; attempt < 50; attempt++) {
        let left = 0;
        for (const c of controllers) {
          try {
            if (existsSync(dir(c))) rmdirSync(dir(c));
          } catch {
            left++;
          }
        }
        if (left === 0) return;
        if (attempt > 5) {
          for (const pid of pidsIn()) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/** Removes run cgroups left by runner processes that no longer exist. */
export function removeStrayCgroups(base = '/sys/fs/cgroup'): void {
  for (const c of controllers) {
    const parent = join(base, c, 'musl-lab');
    if (!existsSync(parent)) continue;
    for (const name of readdirSync(parent)) {
      const pid = Number(name.split('-')[0]);
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      try {
        process.kill(pid, 0);
        continue;
      } catch {
        // Its runner is gone.
      }
      try {
        for (const p of readFileSync(join(parent, name, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) process.kill(Number(p), 'SIGKILL');
        rmdirSync(join(parent, name));
      } catch {
        // Still draining; the next session tries again.
      }
    }
  }
}
