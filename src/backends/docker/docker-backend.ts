import type Docker from 'dockerode';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, chmodSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { release } from 'node:os';
import type { Backend, CompileOutput } from '../backend.ts';
import { programDir, type BoundEnvironment, type CompileSpec, type RunSpec } from '../../runner/plan.ts';
import type { Result, Outcome } from '../../runner/result.ts';
import { environments, images as recipes, type ImageSource } from '../../config/environments.ts';
import { writeFileAtomic } from '../../runner/cache.ts';
import { decodeOutput } from '../../runner/output.ts';
import { assertEngine } from './engine.ts';
import { runContainer, removeLiveContainers, removeStrayContainers } from './container.ts';
import { LabError } from '../../errors/lab-error.ts';
import { chooseImageSource, ensureImages, type ImageLog } from './images.ts';
import { askImage } from './provenance.ts';
import { signalName } from './signals.ts';
import { dockerShell } from '../../check/check-binary.ts';
import type { EnvironmentShell } from '../../check/environment.ts';
import { startDnsWorld, type DnsWorld } from './dns-world.ts';
import type { DnsRun } from '../../dns/query-log.ts';

export interface DockerBackendOptions {
  docker: Docker;
  /** Project paths. */
  probesDir: string;
  dockerDir: string;
  cacheDir: string;
  runnerVersion: string;
  imageSource: ImageSource | 'auto';
  log: ImageLog;
}

interface LabRunStatus {
  exit?: number;
  signal?: number;
  wallNs: number;
  userUs: number;
  sysUs: number;
  maxRssKb: number;
}

export class DockerBackend implements Backend {
  readonly name = 'docker' as const;
  /** Set by abort(): a run that ends after it is not a result and must not be cached. */
  private aborted = false;
  private readonly o: DockerBackendOptions;
  /** A glibc image of the chosen source: runs the pinned (glibc-linked) Node for DNS scenario servers. */
  private serviceImage = '';
  constructor(options: DockerBackendOptions) {
    this.o = options;
  }

  async bindEnvironments(envIds: string[]): Promise<Map<string, BoundEnvironment>> {
    const { docker, dockerDir, cacheDir, log } = this.o;
    await assertEngine(docker);
    await removeStrayContainers(docker, log);
    const { source, reason } = await chooseImageSource(docker, dockerDir, this.o.imageSource);
    log(`images: ${source} (${reason})`);
    const built = await ensureImages(docker, dockerDir, source, log);
    this.serviceImage = built.get(environments.find((e) => e.id === 'glibc')!.flavours[source].run)!.id;
    const bound = new Map<string, BoundEnvironment>();
    for (const env of environments.filter((e) => envIds.includes(e.id))) {
      const flavour = env.flavours[source];
      const buildImage = built.get(flavour.build)!;
      const runImage = built.get(flavour.run)!;
      const [libc, compiler] = await Promise.all([
        askImage(docker, cacheDir, runImage.id, 'libc', env.libcVersionCommand),
        askImage(docker, cacheDir, buildImage.id, `cc:${flavour.cc}`, `${flavour.cc} --version 2>&1 | head -n1`),
      ]);
      bound.set(env.id, {
        id: env.id,
        imageSource: source,
        distro: flavour.distro,
        cc: flavour.cc,
        buildImage: { key: flavour.build, tag: recipes[flavour.build]!.tag, id: buildImage.id },
        runImage: { key: flavour.run, tag: recipes[flavour.run]!.tag, id: runImage.id },
        libc,
        compiler,
      });
    }
    return bound;
  }

  async compile(spec: CompileSpec): Promise<CompileOutput> {
    const binaryDir = join(this.o.cacheDir, 'bin', spec.key);
    // The record sits beside the output folder, not in it: the whole folder is visible to the program.
    const record = `${binaryDir}.json`;
    const program = join(binaryDir, spec.probe.program);
    if (existsSync(record)) {
      const saved = JSON.parse(readFileSync(record, 'utf8')) as Omit<CompileOutput, 'binaryDir' | 'cached'>;
      if (!saved.ok || existsSync(program)) return { ...saved, binaryDir, cached: true };
    }
    mkdirSync(dirname(binaryDir), { recursive: true });
    const temp = mkdtempSync(`${binaryDir}.tmp-`);
    // mkdtemp makes the folder private; the probe runs as nobody and must read its binary.
    chmodSync(temp, 0o755);
    try {
      const folder = dirname(spec.probe.sourcePath);
      const out = await runContainer(this.o.docker, {
        image: spec.env.buildImage.id,
        cmd: spec.command,
        workdir: folder === '.' ? '/src' : `/src/${folder}`,
        binds: [`${this.o.probesDir}:/src:ro`, `${temp}:/out`],
        timeoutMs: 120_000,
        memoryMb: 1024,
        pids: 256,
        cpus: 2,
        outputBytes: 1024 * 1024,
      });
      this.throwIfAborted();
      const exitCode = out.timedOut ? 124 : (out.statusCode ?? 125);
      const built = existsSync(join(temp, spec.probe.program));
      const ok = exitCode === 0 && built;
      const missing = exitCode === 0 && !built ? `\n[the build succeeded but did not write $OUT/${spec.probe.program}]\n` : '';
      const diagnostics = decodeOutput(Buffer.concat([out.stdout, out.stderr])).text + (out.timedOut ? '\n[compiler timed out]\n' : '') + missing;
      const saved = { ok, exitCode: ok || exitCode !== 0 ? exitCode : 1, diagnostics, durationMs: Math.round(out.totalMs) };
      rmSync(binaryDir, { recursive: true, force: true });
      renameSync(temp, binaryDir);
      writeFileAtomic(record, JSON.stringify(saved, null, 2));
      return { ...saved, binaryDir, cached: false };
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }

  async execute(run: RunSpec, compiled: CompileOutput): Promise<Result> {
    const ranAt = new Date().toISOString();
    const base = {
      schemaVersion: 1 as const,
      id: run.id,
      probeId: run.probe.id,
      variantId: run.variant.id,
      envId: run.env.id,
      compileEnvId: run.compile.env.id,
      key: run.key,
      argv: run.argv,
      compile: { ok: compiled.ok, exitCode: compiled.exitCode, diagnostics: compiled.diagnostics, durationMs: compiled.durationMs },
      provenance: {
        backend: 'docker' as const,
        imageSource: run.env.imageSource,
        distro: run.env.distro,
        buildImage: run.compile.env.buildImage,
        runImage: run.env.runImage,
        libc: run.env.libc,
        compiler: run.compile.env.compiler,
        compileCommand: run.compile.command,
        ranAt,
        runnerVersion: this.o.runnerVersion,
        kernel: release(),
      },
    };
    if (!compiled.ok) {
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
    this.throwIfAborted();
    const work = mkdtempSync(join(this.o.cacheDir, 'work-'));
    try {
      // The probe runs as nobody; the status folder is the one place it may write outside /tmp.
      chmodSync(work, 0o777);
      const limits = run.variant.limits;
      const world: DnsWorld | undefined = run.variant.dns ? await startDnsWorld(this.o.docker, this.serviceImage, run.variant.dns, work) : undefined;
      let dns: DnsRun | undefined;
      const out = await runContainer(this.o.docker, {
        image: run.env.runImage.id,
        cmd: ['/usr/local/bin/lab-run', '/run/lab/status', ...run.argv],
        workdir: '/tmp',
        user: '65534:65534',
        binds: [`${compiled.binaryDir}:${programDir}:ro`, `${work}:/run/lab`, ...(world?.binds ?? [])],
        networkMode: world?.networkMode,
        env: run.variant.env,
        stdin: run.variant.stdin,
        stackLimitKib: run.variant.stackLimitKib,
        ...limits,
      }).finally(async () => {
        dns = await world?.stop();
      });
      this.throwIfAborted();
      const statusFile = join(work, 'status');
      const status: LabRunStatus | undefined = existsSync(statusFile) ? JSON.parse(readFileSync(statusFile, 'utf8')) : undefined;
      const stdout = decodeOutput(out.stdout);
      const stderr = decodeOutput(out.stderr);
      let outcome: Outcome;
      if (out.timedOut) outcome = { kind: 'timeout' };
      else if (out.truncated) outcome = { kind: 'output-truncated' };
      else if (status?.signal !== undefined)
        outcome = {
          kind: 'signal',
          signal: signalName(status.signal),
          ...(out.oomKilled && status.signal === 9 ? { reason: 'killed by the out-of-memory killer (memory cap reached)' } : {}),
        };
      else if (status?.exit === 0) outcome = { kind: 'ok', exitCode: 0 };
      else if (status?.exit !== undefined) outcome = { kind: 'exit', exitCode: status.exit };
      else if (out.oomKilled) outcome = { kind: 'signal', signal: 'SIGKILL', reason: 'killed by the out-of-memory killer' };
      else outcome = { kind: 'exec-failed', reason: `the run ended (container status ${out.statusCode}) without a status from lab-run` };
      return {
        ...base,
        outcome,
        stdout: stdout.text,
        stderr: stderr.text,
        outputLossy: stdout.lossy || stderr.lossy,
        durationMs: status ? Math.round(status.wallNs / 1e4) / 100 : null,
        totalMs: Math.round(out.totalMs),
        timedOut: out.timedOut,
        truncated: out.truncated,
        oomKilled: out.oomKilled,
        resources: status ? { userUs: status.userUs, sysUs: status.sysUs, maxRssKb: status.maxRssKb } : null,
        ...(dns ? { dns } : {}),
      };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  private throwIfAborted(): void {
    if (this.aborted) throw new LabError({ name: 'Interrupted', message: 'The run was stopped before it finished.' });
  }

  environmentShell(env: BoundEnvironment): EnvironmentShell {
    return dockerShell(this.o.docker, env.runImage.id);
  }

  abort(): Promise<void> {
    this.aborted = true;
    return removeLiveContainers();
  }
}
