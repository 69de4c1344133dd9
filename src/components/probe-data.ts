import { getEntry } from 'astro:content';
import type { ProbeEntry } from '../loader/probe-entry.ts';
import type { Result } from '../runner/result.ts';
import { outcomeLabel, resultId } from '../runner/result.ts';
import { defaultEnvironmentOf, isFamily } from '../config/environments.ts';
import type { EnvironmentSummary } from '../loader/probe-entry.ts';

/** The probe a component names, or an error that says which page and which id. */
export async function loadProbe(id: string, page: string): Promise<ProbeEntry> {
  const entry = await getEntry('probes', id);
  if (!entry) {
    throw new Error(`UnknownProbeReference: the page ${page} shows probe "${id}", which does not exist. Hint: probe ids are "folder/name" of a c-probes/**/*.probe.json manifest; \`npm run probes -- --list\` prints them.`);
  }
  return entry.data as unknown as ProbeEntry;
}

/** Variants selected by a component's `variant` / `variants` props (all when neither is given). */
export function pickVariants(probe: ProbeEntry, variant?: string, variants?: string) {
  const wanted = [...(variant ? [variant] : []), ...(variants ? variants.split(',').map((v) => v.trim()) : [])];
  if (wanted.length === 0) return probe.variants;
  return wanted.map((w) => {
    const found = probe.variants.find((v) => v.id === w);
    if (!found) throw new Error(`UnknownProbeReference: probe "${probe.id}" has no variant "${w}" (it has: ${probe.variants.map((v) => v.id).join(', ')})`);
    return found;
  });
}

/** An environment as a lesson names it: an id, or a family meaning the default pair's ("musl" → musl-trixie). */
export function envIdFor(name: string): string {
  return isFamily(name) ? defaultEnvironmentOf(name) : name;
}

export function resultFor(probe: ProbeEntry, variantId: string, envId: string): Result | undefined {
  return (
    probe.results.find((r) => r.variantId === variantId && r.envId === envId) ??
    (isFamily(envId) ? probe.results.find((r) => r.variantId === variantId && r.envId === defaultEnvironmentOf(envId)) : undefined)
  );
}

/** Environments shown in the page: the default pair and opt-in ones (glibc-stock); the other versions load on demand. */
export function pageEnvironments(probe: ProbeEntry): EnvironmentSummary[] {
  const inPage = probe.environments.filter((e) => e.inPage);
  return inPage.length > 0 ? inPage : probe.environments;
}

/** "musl 1.2.5 (trixie)": a version as the provenance states it. */
export function versionLabel(env: EnvironmentSummary): string {
  return `${env.family} ${env.version}${env.suite ? ` (${env.suite}${env.edge ? ', edge' : ''})` : ''}`;
}

/** Same outcome and output: what "same as" means when other versions are listed beside the default pair. */
export function sameRun(a: Result, b: Result): boolean {
  return outcomeLabel(a.outcome) === outcomeLabel(b.outcome) && a.stdout === b.stdout && a.stderr === b.stderr;
}

/**
 * The other versions of a variant: each environment not shown in the page, with whether it ran
 * the same as the page's environment of its family, and where its full result is published.
 */
export function otherVersions(probe: ProbeEntry, variantId: string) {
  const shown = pageEnvironments(probe);
  return probe.environments
    .filter((e) => !shown.includes(e))
    .map((env) => {
      const result = resultFor(probe, variantId, env.id);
      const reference = shown.find((s) => s.family === env.family && !s.id.endsWith('-stock'));
      const refResult = reference ? resultFor(probe, variantId, reference.id) : undefined;
      return { env, result, reference, same: result && refResult ? sameRun(result, refResult) : undefined };
    })
    .filter((o) => o.result);
}

/** What a page says where a run has no result: the backend's reason when it could not make it here. */
export function missingRun(probe: ProbeEntry, variantId: string, envId: string): string {
  const reason = probe.notRun?.[resultId(probe.id, variantId, envId)];
  return reason ? `Not run when this site was built: ${reason}.` : 'This variant does not run in this environment.';
}

/**
 * A result published from an older snapshot entry (MUSL_LAB_ALLOW_STALE=1): what the
 * page says beside it. Undefined for a current result.
 */
export function staleNote(probe: ProbeEntry, result: Pick<Result, 'id'>): string | undefined {
  const stale = probe.frozen?.stale[result.id];
  if (!stale) return undefined;
  return `Stale: this result was made on ${stale.ranAt.slice(0, 10)}, and since then ${stale.why}; nothing could run it again when this site was built.`;
}

/** Badge tone: ok is good, an exit code is a warning, a crash or hang is bad, a build problem is its own kind. */
export function tone(result: Result): 'ok' | 'warn' | 'bad' | 'build' {
  switch (result.outcome.kind) {
    case 'ok':
      return 'ok';
    case 'exit':
      return 'warn';
    case 'compile-failed':
    case 'exec-failed':
      return 'build';
    default:
      return 'bad';
  }
}

export { outcomeLabel };

export { metric } from './metric.ts';

export function shortDate(iso: string): string {
  return iso.slice(0, 10);
}

export { commandLine } from './command-line.ts';

/** Where a run's provenance and reproduce command are published (src/pages/runs/), fetched when a reader opens them. */
export function runDetailsPath(result: Pick<Result, 'probeId' | 'variantId' | 'envId'>): string {
  return `runs/${result.probeId}/${result.variantId}/${result.envId}/`;
}

/** The site's base path with one trailing slash, to put before the paths below. */
export function siteBase(): string {
  return import.meta.env.BASE_URL.replace(/\/?$/, '/');
}

/** The folder of one variant's published results: resultJsonPath without the environment. */
export function resultJsonFolder(probeId: string, variantId: string): string {
  return resultJsonPath({ probeId, variantId, envId: '' }).replace(/\.json$/, '');
}

/** Where a run's raw result is published as JSON (src/pages/results/). */
export function resultJsonPath(result: Pick<Result, 'probeId' | 'variantId' | 'envId'>): string {
  return `results/${result.probeId}/${result.variantId}/${result.envId}.json`;
}
