import type { Probe, ResolvedVariant } from '../manifest/probe.ts';
import { normaliseSource, sha256 } from './hash.ts';
import { resultId } from './result.ts';

/** An environment as this run resolved it: which images, which compiler, which versions. */
export interface BoundEnvironment {
  id: string;
  imageSource: 'upstream' | 'offline';
  distro: string;
  cc: string;
  buildImage: { key: string; tag: string; id: string };
  runImage: { key: string; tag: string; id: string };
  libc: string;
  compiler: string;
}

export interface CompileSpec {
  key: string;
  env: BoundEnvironment;
  probe: Probe;
  flags: string[];
  ldflags: string[];
  /** Compiler argv, run in the probe's folder. */
  command: string[];
}

export interface RunSpec {
  key: string;
  id: string;
  probe: Probe;
  variant: ResolvedVariant;
  env: BoundEnvironment;
  compile: CompileSpec;
}

export interface PlanFilter {
  /** Probe ids or "probe:variant" ids; a probe id also selects everything under it ("thread-stack" → "thread-stack/..."). */
  only?: string[];
  /** Environment ids to run in. */
  envs?: string[];
}

export function compileCommand(cc: string, sourceFile: string, flags: string[], ldflags: string[]): string[] {
  return [cc, ...flags, '-o', '/out/probe', sourceFile, ...ldflags];
}

function selected(filter: PlanFilter, probe: Probe, variant: ResolvedVariant, envId: string): boolean {
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
    };
    for (const variant of probe.variants) {
      for (const envId of variant.environments) {
        if (!selected(filter, probe, variant, envId)) continue;
        const env = envs.get(envId);
        const compileEnv = envs.get(variant.compileIn ?? envId);
        if (!env || !compileEnv) continue;
        const file = probe.sourcePath.split('/').pop()!;
        const command = compileCommand(compileEnv.cc, file, variant.flags, variant.ldflags);
        const compileKey = sha256({
          runnerVersion,
          sources,
          command,
          image: compileEnv.buildImage.id,
          compiler: compileEnv.compiler,
        });
        let compile = compiles.get(compileKey);
        if (!compile) {
          compile = { key: compileKey, env: compileEnv, probe, flags: variant.flags, ldflags: variant.ldflags, command };
          compiles.set(compileKey, compile);
        }
        const key = sha256({
          runnerVersion,
          compileKey,
          runImage: env.runImage.id,
          libc: env.libc,
          args: variant.args,
          stdin: variant.stdin,
          env: variant.env,
          stackLimitKib: variant.stackLimitKib,
          limits: variant.limits,
        });
        runs.push({ key, id: resultId(probe.id, variant.id, envId), probe, variant, env, compile });
      }
    }
  }
  return runs;
}
