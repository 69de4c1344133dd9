import { existsSync, readFileSync, rmSync, chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '../backend.ts';
import { bindToolchain } from '../toolchain-binding.ts';
import { programDir, type BoundEnvironment, type CompileOutput, type CompileSpec, type RunSpec } from '../../runner/plan.ts';
import type { Result } from '../../runner/result.ts';
import { environmentById, environments } from '../../config/environments.ts';
import { writeFileAtomic } from '../../runner/cache.ts';
import { sha256 } from '../../hash/hash.ts';
import { LabError } from '../../errors/lab-error.ts';
import { compileLimitsFor, executeWithStatus, labRunCommand, toolchainCacheBind } from '../lab-run-result.ts';
import { compileOnce, compileWorkdir } from '../compile-cache.ts';
import { ensureRoot, topLevelOf, type RootInfo } from './roots.ts';
import { dnsUnavailable, startSandboxDnsWorld, type SandboxDnsWorld } from './dns-world.ts';
import type { DnsRun } from '../../dns/query-log.ts';
import type { EnvironmentShell } from '../../check/environment.ts';
import { runSandbox, killLiveSandboxes, labRunDied, resetStopping } from './spawn.ts';
import { limitMode, removeStrayCgroups } from './cgroup.ts';
import { sandboxProblem } from './availability.ts';
import type { HostMode } from './bwrap-args.ts';

export interface SandboxBackendOptions {
  probesDir: string;
  dockerDir: string;
  cacheDir: string;
  /** Where the root filesystems are built (shared by every project cache). */
  rootsDir: string;
  runnerVersion: string;
  log: (line: string) => void;
  /**
   * A run's own network setup, for lessons that need one (the DNS lab): commands
   * started in the run's network namespace before the probe, and /etc files
   * (e.g. resolv.conf naming that server) mounted over the root's for this run.
   */
  network?: (run: RunSpec) => { sidecars?: string[]; etc?: Record<string, string> } | undefined;
}

/**
 * The daemonless backend: each compile and each run in a fresh bubblewrap
 * sandbox over a root filesystem built from Debian packages, with lab-run as
 * PID 1, so results have exactly the shape of the Docker backend's.
 */
export class SandboxBackend implements Backend {
  readonly name = 'sandbox' as const;
  private aborted = false;
  private readonly o: SandboxBackendOptions;
  private mode: HostMode = { privileged: process.getuid?.() === 0, cgroups: false };
  private readonly rootsByKey = new Map<string, RootInfo>();
  constructor(options: SandboxBackendOptions) {
    this.o = options;
    resetStopping();
  }

  cannotRun(run: RunSpec): string | undefined {
    return run.variant.dns ? dnsUnavailable(this.mode.privileged) : undefined;
  }

  async bindEnvironments(envIds: string[]): Promise<Map<string, BoundEnvironment>> {
    const problem = await sandboxProblem();
    if (problem) throw problem;
    const limits = limitMode();
    this.mode = { privileged: process.getuid?.() === 0, cgroups: limits.mode === 'cgroup-v1' };
    this.o.log(`sandbox: bubblewrap, limits by ${limits.mode} (${limits.reason})`);
    if (this.mode.cgroups) removeStrayCgroups();
    const rootsOptions = { rootsDir: this.o.rootsDir, dockerDir: this.o.dockerDir, log: this.o.log };
    const bound = new Map<string, BoundEnvironment>();
    for (const env of environments.filter((e) => envIds.includes(e.id))) {
      const flavour = env.sandbox;
      const build = await ensureRoot(rootsOptions, flavour.build);
      const run = await ensureRoot(rootsOptions, flavour.run);
      this.rootsByKey.set(build.id, build);
      this.rootsByKey.set(run.id, run);
      const [libc, compiler] = await Promise.all([
        this.ask(run, 'libc', env.libcVersionCommand),
        this.ask(build, `cc:${flavour.cc}`, `${flavour.cc} --version 2>&1 | head -n1`),
      ]);
      const base: BoundEnvironment = {
        id: env.id,
        backend: 'sandbox',
        imageSource: 'offline',
        distro: flavour.distro,
        cc: flavour.cc,
        buildImage: { key: flavour.build, tag: `sandbox root ${flavour.build}`, id: build.id },
        runImage: { key: flavour.run, tag: `sandbox root ${flavour.run}`, id: run.id },
        libc,
        compiler,
        packages: { ...build.packages, ...run.packages },
        suite: env.suite,
        edge: env.edge,
        family: env.family,
      };
      const tc = flavour.toolchain;
      if (tc) {
        const roots = { build: await ensureRoot(rootsOptions, tc.build), run: await ensureRoot(rootsOptions, tc.run) };
        for (const r of Object.values(roots)) this.rootsByKey.set(r.id, r);
        const images = {
          buildImage: { key: tc.build, tag: `sandbox root ${tc.build}`, id: roots.build.id },
          runImage: { key: tc.run, tag: `sandbox root ${tc.run}`, id: roots.run.id },
        };
        base.toolchain = {
          ...(await bindToolchain(base, images, env.libcVersionCommand, (where, label, command) => this.ask(roots[where], label, command))),
          packages: { ...roots.build.packages, ...roots.run.packages },
        };
      }
      bound.set(env.id, base);
    }
    return bound;
  }

  /** The first line a shell command prints in a root, cached by root id and command. */
  private async ask(root: RootInfo, label: string, command: string): Promise<string> {
    const file = join(this.o.cacheDir, 'provenance', `${root.id.replace(/[^a-z0-9]/gi, '_')}-${label.replace(/[^a-z0-9]/gi, '_')}-${sha256(command).slice(0, 12)}.txt`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
    const out = await runSandbox(
      { root, cmd: ['/bin/sh', '-c', command], workdir: '/', binds: [], asNobody: false, timeoutMs: 20_000, memoryMb: 256, pids: 32, cpus: 1, outputBytes: 64 * 1024 },
      this.mode,
    );
    const line = (out.stdout.toString() + out.stderr.toString()).split('\n').map((l) => l.trim()).find(Boolean) ?? 'unknown';
    writeFileAtomic(file, line);
    return line;
  }

  /** The glibc root, where the pinned (glibc-linked) Node runs a DNS scenario's server. */
  private serviceRoot(): Promise<RootInfo> {
    return ensureRoot({ rootsDir: this.o.rootsDir, dockerDir: this.o.dockerDir, log: this.o.log }, environmentById('glibc').sandbox.run);
  }

  private root(id: string): RootInfo {
    const root = this.rootsByKey.get(id);
    if (!root) throw new Error(`sandbox root ${id} is not bound`);
    return root;
  }

  compile(spec: CompileSpec): Promise<CompileOutput> {
    return compileOnce(
      this.o.cacheDir,
      spec,
      (out) => {
        const kept = toolchainCacheBind(spec, this.o.cacheDir);
        return runSandbox(
          {
            root: this.root(spec.env.buildImage.id),
            cmd: spec.command,
            workdir: compileWorkdir(spec),
            binds: [{ src: this.o.probesDir, dest: '/src' }, { src: out, dest: '/out', rw: true }, ...(kept ? [{ ...kept, rw: true }] : [])],
            asNobody: false,
            ...compileLimitsFor(spec),
          },
          this.mode,
        );
      },
      () => this.throwIfAborted(),
    );
  }

  execute(run: RunSpec, compiled: CompileOutput): Promise<Result> {
    const o = { cacheDir: this.o.cacheDir, runnerVersion: this.o.runnerVersion, throwIfAborted: () => this.throwIfAborted(), ended: 'sandbox' };
    return executeWithStatus(run, compiled, o, async (work) => {
      // Apart from the status folder, which the probe may write.
      const etcDir = mkdtempSync(join(this.o.cacheDir, 'etc-'));
      try {
        chmodSync(etcDir, 0o755);
        const network = this.o.network?.(run);
        const etc: Record<string, string> = {};
        for (const [name, content] of Object.entries(network?.etc ?? {})) {
          etc[name] = join(etcDir, name);
          writeFileSync(etc[name], content, { mode: 0o644 });
        }
        const root = this.root(run.env.runImage.id);
        const world: SandboxDnsWorld | undefined = run.variant.dns
          ? await startSandboxDnsWorld(await this.serviceRoot(), run.variant.dns, join(etcDir, 'dns'), this.mode.privileged)
          : undefined;
        Object.assign(etc, world?.etc);
        const missing = Object.keys(etc).some((name) => !existsSync(join(root.dir, 'etc', name)));
        let dns: DnsRun | undefined;
        const out = await runSandbox(
          {
            root,
            cmd: labRunCommand(run),
            workdir: '/tmp',
            binds: [{ src: compiled.binaryDir, dest: programDir }, { src: work, dest: '/run/lab', rw: true }],
            asNobody: true,
            env: run.variant.env,
            stdin: run.variant.stdin,
            stackLimitKib: run.variant.stackLimitKib,
            sidecars: network?.sidecars,
            etc,
            etcEntries: missing ? topLevelOf(join(root.dir, 'etc')) : undefined,
            sharedNetwork: world !== undefined,
            ...run.variant.limits,
          },
          this.mode,
          'bwrap',
          world?.netns,
        ).finally(async () => {
          dns = await world?.stop();
        });
        this.throwIfAborted();
        const died = labRunDied(out, existsSync(join(work, 'status')));
        if (died) throw died;
        return { out, dns };
      } finally {
        rmSync(etcDir, { recursive: true, force: true });
      }
    });
  }

  /** A shell in an environment's run root, for check-binary (as nobody, /out writable). */
  environmentShell(env: BoundEnvironment): EnvironmentShell {
    const root = this.root(env.runImage.id);
    return {
      id: root.id,
      run: async (script, args, outDir) => {
        const out = await runSandbox(
          { root, cmd: ['/bin/sh', '-c', script, 'sh', ...args], workdir: '/', binds: [{ src: outDir, dest: '/out', rw: true }], asNobody: true, timeoutMs: 60_000, memoryMb: 256, pids: 32, cpus: 1, outputBytes: 4 * 1024 * 1024 },
          this.mode,
        );
        return out.stdout.toString('utf8');
      },
    };
  }

  private throwIfAborted(): void {
    if (this.aborted) throw new LabError({ name: 'Interrupted', message: 'The run was stopped before it finished.' });
  }

  abort(): Promise<void> {
    this.aborted = true;
    return killLiveSandboxes();
  }
}
