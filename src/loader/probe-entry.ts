import type { Probe } from '../manifest/probe.ts';
import { runArgv, type BoundEnvironment } from '../runner/plan.ts';
import type { NotRun, RunRecord } from '../runner/run.ts';
import type { Result } from '../runner/result.ts';
import type { Verdict } from '../check/verdict.ts';
import { renderResolverFiles, type ResolverFiles } from '../dns/resolver-files.ts';
import { defaultPair, environmentById, environments as configured } from '../config/environments.ts';
import { libcVersionOf } from '../manifest/version-range.ts';
import type { VersionDifference } from '../runner/version-diff.ts';

export interface EnvironmentSummary {
  id: string;
  label: string;
  family: string;
  distro: string;
  libc: string;
  compiler: string;
  imageSource: string;
  /** docker or sandbox: how the runs were made. */
  backend: string;
  runImage: string;
  buildImage: string;
  /** The libc version alone, from the provenance line ("1.2.5"). */
  version: string;
  suite?: string;
  /** Debian sid: shown with its disagreements, never failing the build. */
  edge: boolean;
  /** Shown in the page (the default pair, and opt-in environments such as glibc-stock); the others load on demand. */
  inPage: boolean;
}

/** A difference between two versions of one libc, as the "what changed" page and the probe's cells show it. */
export interface VersionChange {
  variantId: string;
  family: string;
  older: { envId: string; version: string; resultId: string };
  newer: { envId: string; version: string; resultId: string };
  diff: string[];
  change?: string;
  declared: boolean;
  edge: boolean;
}

export interface VariantSummary {
  id: string;
  label: string;
  args: string[];
  /** What runs in the environment, program path under /probe. */
  argv: string[];
  env: Record<string, string>;
  stdin: string;
  compileIn?: string;
  stackLimitKib?: number | 'unlimited';
  flags: string[];
  ldflags: string[];
  environments: string[];
  /** The DNS scenario the variant runs in, with the resolver files it gets. */
  dns?: { id: string; file: string; description: string; files: ResolverFiles };
}

/** One entry of the "probes" collection: what the components render. */
export interface ProbeEntry {
  id: string;
  title: string;
  description: string;
  sourcePath: string;
  source: string;
  /** How the program is made: "cc", "script" (with its files), or "npm" (package, version, bin). */
  build: Probe['build'];
  program: string;
  manifestFile: string;
  variants: VariantSummary[];
  environments: EnvironmentSummary[];
  results: Result[];
  /** check-binary's verdicts, by result id, for probes that ask for them. */
  checks: Record<string, Verdict>;
  /** Ids of the results this build took from the cache (the others ran during it). */
  cachedIds: string[];
  /** Runs the backend could not make on the building machine, by run id: why. */
  notRun: Record<string, string>;
  /** Where neighbouring versions of one libc gave different results. */
  versionChanges: VersionChange[];
  /** Expectation mismatches of edge (sid) runs, by result id: shown, never a failure. */
  edgeDisagreements: Record<string, string[]>;
}

export function summariseEnvironment(env: BoundEnvironment): EnvironmentSummary {
  const config = environmentById(env.id);
  return {
    id: env.id,
    label: config.label,
    family: config.family,
    distro: env.distro,
    libc: env.libc,
    compiler: env.compiler,
    imageSource: env.imageSource,
    backend: env.backend,
    runImage: `${env.runImage.tag} (${env.runImage.id.slice(7, 19)})`,
    buildImage: `${env.buildImage.tag} (${env.buildImage.id.slice(7, 19)})`,
    version: libcVersionOf(env.libc) ?? env.libc,
    ...(env.suite ? { suite: env.suite } : {}),
    edge: Boolean(env.edge),
    inPage: defaultPair().includes(env.id) || Boolean(config.optIn),
  };
}

/** Groups run records by probe, in the order of the config's environments. */
export function probeEntries(probes: Probe[], envs: Map<string, BoundEnvironment>, records: RunRecord[], notRun: NotRun[] = [], diffs: VersionDifference[] = []): ProbeEntry[] {
  const order = configured.map((e) => e.id);
  return probes.map((probe) => {
    const own = records.filter((r) => r.spec.probe.id === probe.id);
    const results = own.map((r) => r.result);
    const checks = Object.fromEntries(own.filter((r) => r.check).map((r) => [r.result.id, r.check!]));
    const used = new Set(probe.variants.flatMap((v) => v.environments));
    return {
      id: probe.id,
      title: probe.title,
      description: probe.description,
      sourcePath: probe.sourcePath,
      source: probe.source,
      build: probe.build,
      program: probe.program,
      manifestFile: probe.manifestFile,
      variants: probe.variants.map((v) => ({
        id: v.id,
        label: v.label,
        args: v.args,
        argv: runArgv(probe, v),
        env: v.env,
        stdin: v.stdin,
        compileIn: v.compileIn,
        stackLimitKib: v.stackLimitKib,
        flags: v.flags,
        ldflags: v.ldflags,
        environments: v.environments,
        ...(v.dns ? { dns: { id: v.dns.id, file: v.dns.file, description: v.dns.scenario.description, files: renderResolverFiles(v.dns.scenario) } } : {}),
      })),
      environments: order.filter((id) => used.has(id) && envs.has(id)).map((id) => summariseEnvironment(envs.get(id)!)),
      results,
      checks,
      cachedIds: own.filter((r) => r.cached).map((r) => r.result.id),
      notRun: Object.fromEntries(notRun.filter((n) => n.spec.probe.id === probe.id).map((n) => [n.spec.id, n.reason])),
      versionChanges: diffs
        .filter((d) => d.probeId === probe.id)
        .map((d) => ({
          variantId: d.variantId,
          family: d.family,
          older: { envId: d.older.envId, version: d.older.version, resultId: d.older.result.id },
          newer: { envId: d.newer.envId, version: d.newer.version, resultId: d.newer.result.id },
          diff: d.diff,
          ...(d.change ? { change: d.change } : {}),
          declared: d.declared,
          edge: d.edge,
        })),
      edgeDisagreements: Object.fromEntries(own.filter((r) => r.edge && r.mismatches.length > 0).map((r) => [r.result.id, r.mismatches])),
    };
  });
}
