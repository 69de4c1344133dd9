import type { Probe } from '../manifest/probe.ts';
import { planRuns, type BoundEnvironment, type PlanFilter, type RunSpec } from '../runner/plan.ts';
import type { NotRun, RunRecord } from '../outcomes/records.ts';
import type { Result } from '../runner/result.ts';
import { checkExpectation } from '../runner/expect.ts';
import { expectationFor } from '../manifest/version-range.ts';
import { envFacts } from '../outcomes/version-diff.ts';
import { disagreement } from '../check/agreement.ts';
import { LabError } from '../errors/lab-error.ts';
import { readSnapshot, type Snapshot } from './snapshot.ts';
import { environmentRecipe } from './recipe.ts';
import { judge, staleList } from './staleness.ts';
import type { FrozenSite } from '../check/publish.ts';
import { environmentIds } from '../config/environments.ts';

/** What pages say about results taken from the snapshot (on each probe entry). */
export interface FrozenInfo {
  /** When the snapshot was written (`npm run freeze`). */
  madeAt: string;
  /** Why nothing ran: "no engine and no sandbox (…)", or 'backend "frozen" was asked for'. */
  reason: string;
  /** Runs published from an older snapshot entry (only with MUSL_LAB_ALLOW_STALE=1): run id → when that result was made and why it is stale. */
  stale: Record<string, { ranAt: string; why: string }>;
}

export interface ThawOptions extends PlanFilter {
  dockerDir: string;
  frozenDir: string;
  runnerVersion: string;
  /** Why no backend runs here: the log's first words (from frozenReason). */
  reason: string;
  /** Publish stale entries (marked as such) instead of failing: MUSL_LAB_ALLOW_STALE=1. */
  allowStale?: boolean;
  log?: (line: string) => void;
}

export interface ThawedSession {
  probes: Probe[];
  envs: Map<string, BoundEnvironment>;
  records: RunRecord[];
  notRun: NotRun[];
  frozen: FrozenInfo;
  /** The in-page checker's data of every environment of the site, from the snapshot (see frozenSites). */
  checkSite: Map<string, FrozenSite>;
}

/** MUSL_LAB_ALLOW_STALE=1 (or true/yes): publish stale frozen results, marked, instead of failing. */
export function allowStaleFromEnv(value = process.env.MUSL_LAB_ALLOW_STALE): boolean {
  return value !== undefined && /^(1|true|yes)$/i.test(value);
}

/** The frozen result of a run, under that run's own id (identical runs share one stored result). */
function ownResult(snapshot: Snapshot, spec: Pick<RunSpec, 'id' | 'probe' | 'variant' | 'env'>, key: string): Result {
  const result = snapshot.results.get(key)!;
  return result.id === spec.id ? result : { ...result, id: spec.id, probeId: spec.probe.id, variantId: spec.variant.id, envId: spec.env.id };
}

/**
 * Reads the snapshot and judges every run the manifests ask for against it,
 * with no engine: the runs are planned with the snapshot's bound environments
 * and this checkout's probes (see staleness.ts and recipe.ts).
 */
export function judgeSnapshot(probes: Probe[], options: Pick<ThawOptions, 'dockerDir' | 'frozenDir' | 'runnerVersion'> & PlanFilter) {
  const snapshot = readSnapshot(options.frozenDir);
  const envs = new Map(Object.values(snapshot.index.environments).map((e) => [e.bound.id, e.bound]));
  const planned = planRuns(probes, envs, options.runnerVersion, options);
  const recipes = new Map<string, string>();
  const recipeNow = (envId: string) => {
    if (!recipes.has(envId)) recipes.set(envId, environmentRecipe(options.dockerDir, envs.get(envId)!));
    return recipes.get(envId)!;
  };
  return { snapshot, envs, planned, recipeNow, judged: judge(probes, planned, snapshot.index, recipeNow, options) };
}

/**
 * The in-page checker's data for each environment id, as a build from the
 * snapshot publishes it. An environment's data is as current as its recipe,
 * the way its runs are: unchanged → published as is; changed → published and
 * marked stale only with allowStale (without it, that environment's runs have
 * already stopped the build); no data in the snapshot → why, for the page.
 */
export function frozenSites(
  snapshot: Pick<Snapshot, 'index' | 'checkSite'>,
  ids: string[],
  recipeNow: (envId: string) => string,
  allowStale: boolean,
): Map<string, FrozenSite> {
  const made = snapshot.index.madeAt.slice(0, 10);
  const sites = new Map<string, FrozenSite>();
  for (const id of ids) {
    const site = snapshot.checkSite.get(id);
    const recipe = snapshot.index.environments[id]?.recipe;
    if (!site || recipe === undefined) sites.set(id, { absent: `the frozen results of ${made} lack it` });
    else if (recipe === recipeNow(id)) sites.set(id, { site });
    else if (allowStale) sites.set(id, { site, stale: `this data was read on ${made}, and since then the recipe of environment ${id} changed` });
    else sites.set(id, { absent: `the frozen results of ${made} hold it for an older recipe of this environment` });
  }
  return sites;
}

/**
 * A session that runs nothing: every result comes from the snapshot. Stale
 * entries (the probe or its environment changed since the freeze) fail with
 * their list, unless allowStale, when the old results are published and the
 * pages mark them; runs the snapshot never had are shown as not run.
 */
export function thawSession(probes: Probe[], options: ThawOptions): ThawedSession {
  const log = options.log ?? (() => undefined);
  const { snapshot, envs, planned, judged, recipeNow } = judgeSnapshot(probes, options);
  const { index } = snapshot;
  const made = index.madeAt.slice(0, 16).replace('T', ' ');
  log(`${options.reason}: building from the frozen results made on ${made} UTC`);
  const frozen: FrozenInfo = { madeAt: index.madeAt, reason: options.reason, stale: {} };
  if (judged.stale.length > 0) {
    const list = staleList(judged.stale);
    if (!options.allowStale) {
      throw new LabError({
        name: 'FrozenResultsStale',
        message: `${judged.stale.length} run(s) changed since the frozen results were made (${made} UTC), and nothing can run them here:\n${list}`,
        hint: 'Run `npm run freeze` on a machine with Docker or bubblewrap and commit frozen/; or set MUSL_LAB_ALLOW_STALE=1 to publish the old results, marked as stale on their pages.',
      });
    }
    log(`MUSL_LAB_ALLOW_STALE: publishing ${judged.stale.length} stale run(s), marked as such on their pages:\n${list}`);
  }
  const records: RunRecord[] = [];
  const notRun: NotRun[] = judged.notRun.map((n) => ({ spec: n.spec, reason: `${n.reason} (when the frozen results were made)` }));
  for (const spec of judged.fresh) {
    const entry = index.runs[spec.id]!;
    const result = ownResult(snapshot, spec, entry.key);
    const mismatches = checkExpectation(result, expectationFor(spec.variant.expect, envFacts(spec.env, result.provenance.libc)));
    const differs = entry.check && disagreement(entry.check, result);
    if (differs) mismatches.push(differs);
    records.push({ spec, result, cached: true, mismatches, ...(spec.env.edge ? { edge: true } : {}), ...(entry.check ? { check: entry.check } : {}) });
  }
  const byId = new Map(planned.map((spec) => [spec.id, spec]));
  for (const { id, why } of judged.stale) {
    const entry = index.runs[id];
    const spec = byId.get(id);
    if (!entry || !spec) {
      // Nothing to show but the reason: a run the snapshot never had (or an environment it lacks).
      if (spec) notRun.push({ spec, reason: `not in the frozen results of ${made} UTC, and nothing could run it when this site was built` });
      continue;
    }
    const result = ownResult(snapshot, spec, entry.key);
    frozen.stale[id] = { ranAt: result.provenance.ranAt, why };
    // Expectations describe the probe as it is now; a stale result is shown as it was, marked, not judged.
    records.push({ spec, result, cached: true, mismatches: [], ...(spec.env.edge ? { edge: true } : {}), ...(entry.check ? { check: entry.check } : {}) });
  }
  const order = new Map(planned.map((spec, i) => [spec.id, i]));
  records.sort((a, b) => order.get(a.spec.id)! - order.get(b.spec.id)!);
  const checkSite = frozenSites(snapshot, environmentIds(), recipeNow, Boolean(options.allowStale));
  return { probes, envs, records, notRun, frozen, checkSite };
}
