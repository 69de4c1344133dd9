import type { Probe, ResolvedVariant } from '../manifest/probe.ts';
import { normaliseSource, sha256 } from '../hash/hash.ts';
import { resultId, type BackendName } from './result.ts';
import { toolchains, type ToolchainName } from '../config/toolchains.ts';
import { LabError } from '../errors/lab-error.ts';
import { compileEnvironmentFor } from '../config/environments.ts';

/** An environment as this run resolved it: which images, which compiler, which versions. */
export interface BoundEnvironment {
  id: string;
  /** How runs happen: Docker containers, or the daemonless bubblewrap sandbox. */
  backend: BackendName;
  /** For the sandbox backend: its root filesystems are built from Debian packages ("offline"). */
  imageSource: 'upstream' | 'offline';
  distro: string;
  cc: string;
  buildImage: { key: string; tag: string; id: string };
  runImage: { key: string; tag: string; id: string };
  libc: string;
  compiler: string;
  /** Versions of the environment's notable packages (libc, compiler, musl): part of every run key, so a sid upload re-runs. */
  packages?: Record<string, string>;
  /**
   * The same environment with the Go, Rust and Python toolchains (its config's toolchain images or
   * roots), bound the same way; absent when the environment's config provides none.
   */
  toolchain?: BoundEnvironment;
  /** In a toolchain binding: each toolchain's version line from the build image, or undefined when it is missing. */
  toolchains?: Partial<Record<ToolchainName, string>>;
  /** In a toolchain binding: the interpreters' version lines from the run image (Python), or undefined when there is none. */
  interpreters?: Partial<Record<ToolchainName, string>>;
  /** In a toolchain binding: what the version commands printed where a toolchain is missing (for the error). */
  toolchainProblems?: Partial<Record<ToolchainName, string>>;
  /** Debian suite of its images or roots ("bookworm", "trixie", "sid"). */
  suite?: string;
  family?: 'glibc' | 'musl';
  /** Sid: disagreements are reported, never a failure. */
  edge?: boolean;
}

/** The environment a variant compiles in for a run in envId: its compileIn (a family means the run's own suite), or envId. */
export function compileEnvId(variant: ResolvedVariant, envId: string, known: Map<string, unknown>): string {
  if (!variant.compileIn) return envId;
  return known.has(variant.compileIn) ? variant.compileIn : compileEnvironmentFor(variant.compileIn, envId);
}

export interface CompileSpec {
  key: string;
  env: BoundEnvironment;
  probe: Probe;
  flags: string[];
  ldflags: string[];
  /** Compiler (or build script) argv, run in the probe's folder; for npm, the fetch as a reader would type it. */
  command: string[];
  /** The toolchain's version line (Go, Rust, Python probes), e.g. "go version go1.24.4 linux/amd64". */
  toolchain?: string;
}

/** What a compile (or an npm fetch) of a CompileSpec leaves: backends make it, runs mount binaryDir. */
export interface CompileOutput {
  ok: boolean;
  exitCode: number;
  diagnostics: string;
  durationMs: number;
  /** Host folder holding the binary "probe", when ok. */
  binaryDir: string;
  cached: boolean;
  /** The build hit its time limit: a fact about a busy machine, not the probe, so it is never cached. */
  timedOut?: boolean;
}

/** Where a run finds its program: the compile output folder is mounted read-only here. */
export const programDir = '/probe';

export interface RunSpec {
  key: string;
  id: string;
  probe: Probe;
  variant: ResolvedVariant;
  env: BoundEnvironment;
  compile: CompileSpec;
  /** What runs inside the environment: the program and its arguments, or the variant's command. */
  argv: string[];
  /** Why this run cannot be made with this configuration (e.g. no toolchain for the environment's suite); shown in its place. */
  unavailable?: string;
}

export interface PlanFilter {
  /** Probe ids or "probe:variant" ids; a probe id also selects everything under it ("thread-stack" → "thread-stack/..."). */
  only?: string[];
  /** Environment ids to run in. */
  envs?: string[];
}

export function compileCommand(cc: string, sourceFile: string, flags: string[], ldflags: string[]): string[] {
  return [cc, ...flags, '-o', `/out/${sourceFile.replace(/\.c$/, '')}`, sourceFile, ...ldflags];
}

/**
 * How the program is built. A script gets its settings as variables (shown on the page as
 * part of the command), so a reader can rerun the same line by hand.
 */
export function buildCommand(probe: Probe, cc: string, flags: string[], ldflags: string[], buildEnv: Record<string, string> = {}): string[] {
  switch (probe.build.kind) {
    case 'cc':
      return compileCommand(cc, probe.sourcePath.split('/').pop()!, flags, ldflags);
    case 'script': {
      // The toolchain's own settings first (offline, caches in /tmp), then the probe's and the variant's.
      const vars = { ...(probe.toolchain ? toolchains[probe.toolchain].buildEnv : {}), ...buildEnv };
      const assignments = Object.entries(vars).map(([k, v]) => `${k}=${v}`);
      return ['env', `CC=${cc}`, `CFLAGS=${flags.join(' ')}`, `LDFLAGS=${ldflags.join(' ')}`, `NAME=${probe.program}`, 'OUT=/out', ...assignments, 'sh', '-eu', probe.build.script];
    }
    case 'npm':
      return ['npm', 'pack', `${probe.build.package}@${probe.build.version}`, ...(probe.build.with ?? []).map((w) => `${w.package}@${w.version}`)];
  }
}

/** The argv of a run: "{probe}" and "{dir}" in a variant's command become the program's path and folder. */
export function runArgv(probe: Probe, variant: ResolvedVariant): string[] {
  const path = `${programDir}/${probe.program}`;
  const interpreter = probe.toolchain ? toolchains[probe.toolchain].interpreter : undefined;
  const program = interpreter ? [interpreter.path, path] : [path];
  const head = variant.command?.map((a) => a.replaceAll('{probe}', path).replaceAll('{dir}', programDir)) ?? program;
  return [...head, ...variant.args];
}

/** Does the filter (--only, --env) select this run? */
export function isSelected(filter: PlanFilter, probe: Probe, variant: ResolvedVariant, envId: string): boolean {
  if (filter.envs && !filter.envs.includes(envId)) return false;
  if (!filter.only || filter.only.length === 0) return true;
  return filter.only.some(
    (o) => o === probe.id || o === `${probe.id}:${variant.id}` || probe.id.startsWith(`${o}/`),
  );
}

/**
 * Expands probes × variants × environments into run specs with their cache keys.
 * Pure: the environments come in already bound to image ids and versions.
 */
export function planRuns(
  probes: Probe[],
  envs: Map<string, BoundEnvironment>,
  runnerVersion: string,
  filter: PlanFilter = {},
): RunSpec[] {
  const compiles = new Map<string, CompileSpec>();
  const runs: RunSpec[] = [];
  for (const probe of probes) {
    const sources = {
      main: normaliseSource(probe.source),
      includes: probe.includes.map((f) => ({ path: f.path, content: normaliseSource(f.content) })),
      inputs: probe.build.kind === 'script' ? probe.build.inputs.map((f) => ({ path: f.path, content: normaliseSource(f.content) })) : [],
    };
    for (const variant of probe.variants) {
      for (const envId of variant.environments) {
        if (!isSelected(filter, probe, variant, envId)) continue;
        const baseEnv = envs.get(envId);
        // A program fetched from npm is the same file everywhere: its "compile" is bound to the run's own environment.
        const baseCompileEnv = envs.get(probe.build.kind === 'npm' ? envId : compileEnvId(variant, envId, envs));
        if (!baseEnv || !baseCompileEnv) continue;
        const { env, compileEnv, toolchain, interpreter, unavailable } = toolchainBinding(probe, variant, baseEnv, baseCompileEnv);
        const command = buildCommand(probe, compileEnv.cc, variant.flags, variant.ldflags, variant.buildEnv);
        const compileKey =
          probe.build.kind === 'npm'
            ? sha256({ runnerVersion, command, bin: probe.program })
            : sha256({ runnerVersion, backend: compileEnv.backend, sources, command, image: compileEnv.buildImage.id, compiler: compileEnv.compiler, packages: compileEnv.packages, toolchain, ...(probe.toolchain ? { compileTimeoutMs: toolchains[probe.toolchain].compileTimeoutMs } : {}) });
        let compile = compiles.get(compileKey);
        if (!compile) {
          compile = { key: compileKey, env: compileEnv, probe, flags: variant.flags, ldflags: variant.ldflags, command, ...(toolchain ? { toolchain } : {}) };
          compiles.set(compileKey, compile);
        }
        const argv = runArgv(probe, variant);
        const key = sha256({
          runnerVersion,
          // A result is a fact about an environment and about how it ran: never shared across backends.
          backend: env.backend,
          compileKey,
          runImage: env.runImage.id,
          libc: env.libc,
          packages: env.packages,
          argv,
          stdin: variant.stdin,
          env: variant.env,
          stackLimitKib: variant.stackLimitKib,
          limits: variant.limits,
          dns: variant.dns?.fingerprint,
          interpreter,
        });
        runs.push({ key, id: resultId(probe.id, variant.id, envId), probe, variant, env, compile, argv, ...(unavailable ? { unavailable } : {}) });
      }
    }
  }
  return runs;
}

/**
 * Where a Go, Rust or Python probe compiles and runs: the environments' toolchain bindings.
 * An environment whose config provides no toolchain images makes the run unavailable (shown with
 * the reason); a toolchain image that lacks the probe's toolchain is a configuration error.
 */
export function toolchainBinding(
  probe: Probe,
  variant: ResolvedVariant,
  env: BoundEnvironment,
  compileEnv: BoundEnvironment,
): { env: BoundEnvironment; compileEnv: BoundEnvironment; toolchain?: string; interpreter?: string; unavailable?: string } {
  if (!probe.toolchain) return { env, compileEnv };
  const name = probe.toolchain;
  const t = toolchains[name];
  const runEnv = env.toolchain ?? env;
  if (!compileEnv.toolchain) {
    return {
      env: runEnv,
      compileEnv,
      unavailable: `no ${t.label} toolchain is built for ${compileEnv.id} (toolchain images exist only for the environments whose config in src/config/environments.ts names them, to bound image build time)`,
    };
  }
  const version = compileEnv.toolchain.toolchains?.[name];
  if (!version) {
    throw new LabError({
      name: 'ToolchainMissing',
      message: `Probe ${probe.id} (${probe.manifestFile}) is a ${t.label} program, but environment ${compileEnv.id}'s toolchain build image ${compileEnv.toolchain.buildImage.tag} has no ${t.label} toolchain (\`${t.versionCommand}\` said: ${compileEnv.toolchain.toolchainProblems?.[name] ?? 'nothing'}).`,
      hint: `Add the Debian package(s) ${t.packages.join(', ')} to the toolchain image and root of ${compileEnv.id} in src/config/environments.ts and rebuild them (npm run images), or leave ${compileEnv.id} out of the probe's "environments".`,
      file: probe.manifestFile,
    });
  }
  const compile = compileEnv.toolchain;
  if (!t.interpreter || variant.command) return { env: runEnv, compileEnv: compile, toolchain: version };
  const interpreter = runEnv.interpreters?.[name];
  if (interpreter) return { env: runEnv, compileEnv: compile, toolchain: version, interpreter };
  return {
    env: runEnv,
    compileEnv: compile,
    toolchain: version,
    unavailable: `${env.id} has no ${t.label} interpreter (${t.interpreter.path}) in its run image ${runEnv.runImage.tag}, so a ${t.label} program cannot start there (a variant with a "command", e.g. readelf on a built extension, still runs)`,
  };
}
