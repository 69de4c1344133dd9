import type Docker from 'dockerode';
import { existsSync, readFileSync, rmSync, chmodSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend, CompileOutput } from '../backend.ts';
import { programDir, type BoundEnvironment, type CompileSpec, type RunSpec } from '../../runner/plan.ts';
import type { Result } from '../../runner/result.ts';
import { environments, images as recipes, type ImageSource } from '../../config/environments.ts';
import { compileFailedResult, compileLimits, resultBase, runResult, type LabRunStatus } from '../lab-run-result.ts';
import { compileOnce, compileWorkdir } from '../compile-cache.ts';
import { assertEngine } from './engine.ts';
import { runContainer, removeLiveContainers, removeStrayContainers } from './container.ts';
import { LabError } from '../../errors/lab-error.ts';
import { chooseImageSource, ensureImages, type ImageLog } from './images.ts';
import { askImage } from './provenance.ts';
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
        backend: 'docker',
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

  compile(spec: CompileSpec): Promise<CompileOutput> {
    return compileOnce(
      this.o.cacheDir,
      spec,
      (out) =>
        runContainer(this.o.docker, {
          image: spec.env.buildImage.id,
          cmd: spec.command,
          workdir: compileWorkdir(spec),
          binds: [`${this.o.probesDir}:/src:ro`, `${out}:/out`],
          ...compileLimits,
        }),
      () => this.throwIfAborted(),
    );
  }

  async execute(run: RunSpec, compiled: CompileOutput): Promise<Result> {
    const base = resultBase(run, compiled, this.o.runnerVersion);
    if (!compiled.ok) return compileFailedResult(base);
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
      return { ...runResult(base, out, status), ...(dns ? { dns } : {}) };
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
