import { libcVersionOf } from '../manifest/version-range.ts';
import { release } from 'node:os';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { sha256 } from '../hash/hash.ts';
import { join } from 'node:path';
import type { DnsRun } from '../dns/query-log.ts';
import type { CompileOutput, CompileSpec, RunSpec } from '../runner/plan.ts';
import { toolchains } from '../config/toolchains.ts';
import type { Outcome, Result } from '../runner/result.ts';
import { decodeOutput } from '../runner/output.ts';
import { signalName } from './docker/signals.ts';

/** What lab-run writes to its status file: how the program ended, its wall time and rusage. */
export interface LabRunStatus {
  exit?: number;
  signal?: number;
  wallNs: number;
  userUs: number;
  sysUs: number;
  maxRssKb: number;
}

/** What bounds one execution, on either backend. */
export interface ExecutionLimits {
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs: number;
  memoryMb: number;
  pids: number;
  cpus: number;
  outputBytes: number;
  /** ulimit -s in KiB, or "unlimited". */
  stackLimitKib?: number | 'unlimited';
}

/** A compile's limits (both backends): generous, since compilers are not under test. */
export const compileLimits = { timeoutMs: 120_000, memoryMb: 1024, pids: 256, cpus: 2, outputBytes: 1024 * 1024 } satisfies ExecutionLimits;

/** A compile's limits for this probe: a Go, Rust or Python build gets its toolchain's time. */
export function compileLimitsFor(spec: CompileSpec): ExecutionLimits {
  return spec.probe.toolchain ? { ...compileLimits, timeoutMs: toolchains[spec.probe.toolchain].compileTimeoutMs } : compileLimits;
}

/**
 * The host folder a toolchain build keeps between builds (see Toolchain.buildCache), and where
 * the build sees it; none for C probes and toolchains without one. One folder per toolchain
 * version and build image: a new Go or a new image starts a new cache.
 */
export function toolchainCacheBind(spec: CompileSpec, cacheDir: string): { src: string; dest: string } | undefined {
  const dest = spec.probe.toolchain ? toolchains[spec.probe.toolchain].buildCache : undefined;
  if (!dest) return undefined;
  const src = join(cacheDir, 'toolchain-cache', sha256({ toolchain: spec.toolchain, image: spec.env.buildImage.id, backend: spec.env.backend }).slice(0, 16));
  mkdirSync(src, { recursive: true });
  return { src, dest };
}

/** One execution as any backend saw it from the outside. */
export interface RawRun {
  stdout: Buffer;
  stderr: Buffer;
  /** Exit status of the container or sandbox (lab-run's own), when it ended by itself. */
  statusCode: number | null;
  timedOut: boolean;
  truncated: boolean;
  oomKilled: boolean;
  totalMs: number;
}

/** Everything of a Result that does not depend on how the run went. */
function resultBase(run: RunSpec, compiled: CompileOutput, runnerVersion: string) {
  const env = run.env;
  return {
    schemaVersion: 1 as const,
    id: run.id,
    probeId: run.probe.id,
    variantId: run.variant.id,
    envId: env.id,
    compileEnvId: run.compile.env.id,
    key: run.key,
    argv: run.argv,
    compile: { ok: compiled.ok, exitCode: compiled.exitCode, diagnostics: compiled.diagnostics, durationMs: compiled.durationMs },
    provenance: {
      backend: env.backend,
      imageSource: env.imageSource,
      distro: env.distro,
      buildImage: run.compile.env.buildImage,
      runImage: env.runImage,
      ...(env.packages ? { packages: env.packages } : {}),
      libc: env.libc,
      ...(libcVersionOf(env.libc) ? { libcVersion: libcVersionOf(env.libc) } : {}),
      ...(env.suite ? { suite: env.suite } : {}),
      ...(env.edge ? { edge: true } : {}),
      compiler: run.compile.env.compiler,
      ...(run.compile.toolchain ? { toolchain: run.compile.toolchain } : {}),
      compileCommand: run.compile.command,
      ranAt: new Date().toISOString(),
      runnerVersion,
      kernel: release(),
    },
  };
}

function compileFailedResult(base: ReturnType<typeof resultBase>): Result {
  return {
    ...base,
    outcome: { kind: 'compile-failed' },
    stdout: '',
    stderr: '',
    outputLossy: false,
    durationMs: null,
    totalMs: 0,
    timedOut: false,
    truncated: false,
    oomKilled: false,
    resources: null,
  };
}

/** Reads how the run ended: the runner's own verdicts (timeout, output cap) first, then lab-run's status. */
function outcomeOf(out: RawRun, status: LabRunStatus | undefined, ended = 'container'): Outcome {
  if (out.timedOut) return { kind: 'timeout' };
  if (out.truncated) return { kind: 'output-truncated' };
  if (status?.signal !== undefined)
    return {
      kind: 'signal',
      signal: signalName(status.signal),
      ...(out.oomKilled && status.signal === 9 ? { reason: 'killed by the out-of-memory killer (memory cap reached)' } : {}),
    };
  if (status?.exit === 0) return { kind: 'ok', exitCode: 0 };
  if (status?.exit !== undefined) return { kind: 'exit', exitCode: status.exit };
  if (out.oomKilled) return { kind: 'signal', signal: 'SIGKILL', reason: 'killed by the out-of-memory killer' };
  return { kind: 'exec-failed', reason: `the run ended (${ended} status ${out.statusCode}) without a status from lab-run` };
}

function runResult(base: ReturnType<typeof resultBase>, out: RawRun, status: LabRunStatus | undefined, ended?: string): Result {
  const stdout = decodeOutput(out.stdout);
  const stderr = decodeOutput(out.stderr);
  return {
    ...base,
    outcome: outcomeOf(out, status, ended),
    stdout: stdout.text,
    stderr: stderr.text,
    outputLossy: stdout.lossy || stderr.lossy,
    durationMs: status ? Math.round(status.wallNs / 1e4) / 100 : null,
    totalMs: Math.round(out.totalMs),
    timedOut: out.timedOut,
    truncated: out.truncated,
    oomKilled: out.oomKilled,
    resources: status ? { userUs: status.userUs, sysUs: status.sysUs, maxRssKb: status.maxRssKb } : null,
  };
}

/** What a backend starts for a run: lab-run as PID 1, writing its status into the folder mounted at /run/lab. */
export const labRunCommand = (run: RunSpec) => ['/usr/local/bin/lab-run', '/run/lab/status', ...run.argv];

/**
 * Executing a run, around each backend's own way of starting labRunCommand: a
 * failed compile is the result; otherwise a fresh status folder that the probe
 * (as nobody) may write, given to `start` to mount at /run/lab; the status
 * lab-run left there makes the result; the folder goes whatever happens.
 */
export async function executeWithStatus(
  run: RunSpec,
  compiled: CompileOutput,
  o: { cacheDir: string; runnerVersion: string; throwIfAborted: () => void; ended?: string },
  start: (work: string) => Promise<{ out: RawRun; dns?: DnsRun }>,
): Promise<Result> {
  const base = resultBase(run, compiled, o.runnerVersion);
  if (!compiled.ok) return compileFailedResult(base);
  o.throwIfAborted();
  const work = mkdtempSync(join(o.cacheDir, 'work-'));
  try {
    // The status folder is the one place the probe may write outside /tmp.
    chmodSync(work, 0o777);
    const { out, dns } = await start(work);
    o.throwIfAborted();
    const statusFile = join(work, 'status');
    const status: LabRunStatus | undefined = existsSync(statusFile) ? JSON.parse(readFileSync(statusFile, 'utf8')) : undefined;
    return { ...runResult(base, out, status, o.ended), ...(dns ? { dns } : {}) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
