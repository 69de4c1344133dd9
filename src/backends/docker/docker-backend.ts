import type Docker from 'dockerode';
import type { Backend } from '../backend.ts';
import { programDir, type BoundEnvironment, type CompileOutput, type CompileSpec, type RunSpec } from '../../runner/plan.ts';
import type { Result } from '../../runner/result.ts';
import { environmentById, environments, images as recipes, type ImageSource } from '../../config/environments.ts';
import { compileLimitsFor, executeWithStatus, labRunCommand, toolchainCacheBind } from '../lab-run-result.ts';
import { compileOnce, compileWorkdir } from '../compile-cache.ts';
import { assertEngine, engineLost, isConnectionLost } from './engine.ts';
import { runContainer, removeLiveContainers, removeStrayContainers, settleRemovals } from './container.ts';
import { LabError } from '../../errors/lab-error.ts';
import { chooseImageSource, ensureImages, imageSourceLine, type ImageLog } from './images.ts';
import { askImage } from './provenance.ts';
import { dockerShell } from './shell.ts';
import { bindToolchain } from '../toolchain-binding.ts';
import type { EnvironmentShell } from '../../check/environment.ts';
import { startDnsWorld, type DnsWorld } from './dns-world.ts';
import type { DnsRun } from '../../dns/query-log.ts';
import { endMarkerFor } from './run-end.ts';

/** Notable packages' versions on one line (askImage keeps the first line); nothing on a distribution without dpkg. */
const packageQuery =
  "dpkg-query -W -f '${Package}=${Version} ' libc6 libc6-dev musl musl-dev gcc-12 gcc-14 gcc-15 gcc-16 binutils busybox-static locales-all 2>/dev/null; echo";

function parsePackageLine(line: string): Record<string, string> | undefined {
  const pairs = line.split(/\s+/).map((p) => p.split('=')).filter((p): p is [string, string] => p.length === 2 && Boolean(p[0]) && Boolean(p[1]));
  return pairs.length > 0 ? Object.fromEntries(pairs) : undefined;
}

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
    log(imageSourceLine(source, reason));
    // Only the images these environments need (and the default glibc one, which runs DNS servers).
    const built = await ensureImages(docker, dockerDir, source, log, false, [...envIds, environmentById('glibc').id]);
    this.serviceImage = built.get(environmentById('glibc').flavours[source].run)!.id;
    const bound = new Map<string, BoundEnvironment>();
    for (const env of environments.filter((e) => envIds.includes(e.id))) {
      const flavour = env.flavours[source];
      const buildImage = built.get(flavour.build)!;
      const runImage = built.get(flavour.run)!;
      const [libc, compiler, packageLine] = await Promise.all([
        askImage(docker, cacheDir, runImage.id, 'libc', env.libcVersionCommand),
        askImage(docker, cacheDir, buildImage.id, `cc:${flavour.cc}`, `${flavour.cc} --version 2>&1 | head -n1`),
        // The Debian build image knows the versions of everything both images hold (the musl run image has no dpkg).
        askImage(docker, cacheDir, buildImage.id, 'packages', packageQuery),
      ]);
      const base: BoundEnvironment = {
        id: env.id,
        backend: 'docker',
        imageSource: source,
        distro: flavour.distro,
        cc: flavour.cc,
        buildImage: { key: flavour.build, tag: recipes[flavour.build]!.tag, id: buildImage.id },
        runImage: { key: flavour.run, tag: recipes[flavour.run]!.tag, id: runImage.id },
        libc,
        compiler,
        packages: parsePackageLine(packageLine),
        suite: source === 'upstream' && flavour.build !== `debian-glibc-${env.suite}` ? undefined : env.suite,
        edge: env.edge,
        family: env.family,
      };
      const tc = flavour.toolchain;
      if (tc) {
        const ref = (key: string) => ({ key, tag: recipes[key]!.tag, id: built.get(key)!.id });
        const images = { buildImage: ref(tc.build), runImage: ref(tc.run) };
        base.toolchain = await bindToolchain(base, images, env.libcVersionCommand, (where, label, command) =>
          askImage(docker, cacheDir, images[where === 'build' ? 'buildImage' : 'runImage'].id, label, command),
        );
      }
      bound.set(env.id, base);
    }
    return bound;
  }

  compile(spec: CompileSpec): Promise<CompileOutput> {
    return this.whileEngineAnswers(compileOnce(
      this.o.cacheDir,
      spec,
      (out) => {
        const kept = toolchainCacheBind(spec, this.o.cacheDir);
        return runContainer(this.o.docker, {
          image: spec.env.buildImage.id,
          cmd: spec.command,
          workdir: compileWorkdir(spec),
          binds: [`${this.o.probesDir}:/src:ro`, `${out}:/out`, ...(kept ? [`${kept.src}:${kept.dest}`] : [])],
          removeInBackground: true,
          ...compileLimitsFor(spec),
        });
      },
      () => this.throwIfAborted(),
    ));
  }

  execute(run: RunSpec, compiled: CompileOutput): Promise<Result> {
    const o = { cacheDir: this.o.cacheDir, runnerVersion: this.o.runnerVersion, throwIfAborted: () => this.throwIfAborted() };
    return this.whileEngineAnswers(executeWithStatus(run, compiled, o, async (work) => {
      const world: DnsWorld | undefined = run.variant.dns ? await startDnsWorld(this.o.docker, this.serviceImage, run.variant.dns, work) : undefined;
      let dns: DnsRun | undefined;
      const out = await runContainer(this.o.docker, {
        image: run.env.runImage.id,
        cmd: labRunCommand(run),
        workdir: '/tmp',
        user: '65534:65534',
        binds: [`${compiled.binaryDir}:${programDir}:ro`, `${work}:/run/lab`, ...(world?.binds ?? [])],
        networkMode: world?.networkMode,
        env: run.variant.env,
        stdin: run.variant.stdin,
        stackLimitKib: run.variant.stackLimitKib,
        endMarker: endMarkerFor(work),
        // A DNS run's container joined its scenario server's network, and that server is stopped next.
        removeInBackground: world === undefined,
        ...run.variant.limits,
      }).finally(async () => {
        dns = await world?.stop();
      });
      return { out, dns };
    }));
  }

  /** A dropped engine connection in the middle of a compile or a run becomes one clear error (DockerEngineLost). */
  private async whileEngineAnswers<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      throw isConnectionLost(error) ? engineLost(error) : error;
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

  settle(): Promise<void> {
    return settleRemovals();
  }
}
