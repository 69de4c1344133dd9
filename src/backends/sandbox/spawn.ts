import { spawn, type ChildProcess } from 'node:child_process';
import type { RawRun } from '../lab-run-result.ts';
import { bwrapArgs, type HostMode, type SandboxRequest } from './bwrap-args.ts';
import { createRunCgroup, type RunCgroup } from './cgroup.ts';
import { LabError } from '../../errors/lab-error.ts';
import { signalName } from '../docker/signals.ts';

/** Sandboxes started by this process and still running: killed on interrupt. */
const live = new Set<() => void>();
let stopping = false;

/**
 * Runs one command in a fresh bubblewrap sandbox (see bwrap-args.ts) with the
 * same guarantees as a container: caps (a cgroup per run when root), a
 * wall-clock limit that kills the whole tree, an output cap, stdout and stderr
 * kept apart.
 */
export async function runSandbox(req: SandboxRequest, mode: HostMode, bwrap = 'bwrap', netns?: string): Promise<RawRun> {
  if (stopping) throw new Error('stopping: no new sandbox starts');
  const started = performance.now();
  // bubblewrap's own monitor process lives in the cgroup too.
  const cgroup: RunCgroup | undefined = mode.cgroups ? createRunCgroup(req, 1) : undefined;
  // A probe reads its CPU quota where a container finds it (as the bench probes do).
  const args = bwrapArgs(cgroup ? { ...req, binds: [...req.binds, { src: cgroup.cpuDir, dest: '/sys/fs/cgroup/cpu' }] } : req, mode);
  // The caps must hold from the first instruction: a tiny shell joins the cgroups, then becomes bubblewrap.
  // A shared network namespace (a DNS scenario's) is entered before bubblewrap starts.
  const command = netns ? ['nsenter', `--net=${netns}`, '--', bwrap, ...args] : [bwrap, ...args];
  const child: ChildProcess = cgroup
    ? spawn('/bin/sh', ['-c', `${cgroup.procs.map((p) => `echo $$ > '${p}'`).join(' && ')} && exec "$@"`, 'lab-sandbox', ...command], { stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  let timedOut = false;
  let truncated = false;
  /** Set when this process kills the sandbox (timeout, output cap, interrupt): any other signal came from outside. */
  let killedHere = false;
  const kill = () => {
    killedHere = true;
    cgroup?.killAll();
    child.kill('SIGKILL');
  };
  live.add(kill);
  const chunks: { stdout: Buffer[]; stderr: Buffer[] } = { stdout: [], stderr: [] };
  let left = req.outputBytes;
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    if (left > 0) {
      const keep = chunk.subarray(0, left);
      chunks[stream].push(keep);
      left -= keep.length;
    }
    if (left <= 0 && chunk.length > 0 && !truncated) {
      truncated = true;
      kill();
    }
  };
  child.stdout!.on('data', collect('stdout'));
  child.stderr!.on('data', collect('stderr'));
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(req.stdin && req.stdin.length > 0 ? req.stdin : undefined);
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, req.timeoutMs);
  try {
    const { statusCode, signal } = await new Promise<{ statusCode: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, sig) => resolve({ statusCode: code, signal: sig }));
    });
    // The probe's own signals end lab-run's child, not bubblewrap: bubblewrap (or the shell that
    // becomes it) killed by a signal nobody here sent means the run's helper died under it.
    if (signal && !killedHere) throw helperDied(`${command[0]} with lab-enter and lab-run inside it`, child.pid, signal);
    // The sandbox may have ended by itself just as the timer fired: only a kill that happened counts.
    const oomKilled = cgroup?.oomKilled() ?? false;
    return {
      stdout: Buffer.concat(chunks.stdout),
      stderr: Buffer.concat(chunks.stderr),
      statusCode,
      timedOut,
      truncated,
      oomKilled,
      totalMs: performance.now() - started,
    };
  } finally {
    clearTimeout(timer);
    live.delete(kill);
    await cgroup?.remove();
  }
}

/** A run's sandbox helper killed from outside: the run has no result, and the session says how to resume. */
export function helperDied(helper: string, pid: number | undefined, signal: string): LabError {
  return new LabError({
    name: 'SandboxHelperDied',
    message:
      `The sandbox helper of a run (${helper}${pid ? `, pid ${pid}` : ''}) was killed by ${signal} from outside musl-lab while the run was in flight. ` +
      'How the probe would have ended is unknown, so that run has no result and none was recorded.',
    hint: 'Find what killed it (the host\'s out-of-memory killer: dmesg; a process manager; a user), then run the same command again: completed results are cached, so it resumes where it stopped.',
    stoppedRun: true,
  });
}

/**
 * lab-enter, which becomes lab-run (the sandbox's PID 1), killed from outside: bubblewrap
 * then ends with 128 + the signal and lab-run never wrote its status. A probe killed
 * by a signal is different: lab-run outlives it and records the signal. Pure.
 */
export function labRunDied(out: RawRun, wroteStatus: boolean): LabError | undefined {
  if (wroteStatus || out.timedOut || out.truncated || out.oomKilled || out.statusCode === null || out.statusCode <= 128) return undefined;
  return helperDied('lab-enter/lab-run, PID 1 of the sandbox', undefined, signalName(out.statusCode - 128));
}

/** Kills every sandbox of this process (on Ctrl-C or SIGTERM); no new one starts. */
export async function killLiveSandboxes(): Promise<void> {
  stopping = true;
  for (const kill of live) kill();
}

/** Lets a later session in the same process start sandboxes again (tests). */
export function resetStopping(): void {
  stopping = false;
}
