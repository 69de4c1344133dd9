import type { Probe } from '../manifest/probe.ts';
import { isSelected, type PlanFilter, type RunSpec } from '../runner/plan.ts';
import { resultId } from '../runner/result.ts';
import type { SnapshotIndex } from './snapshot.ts';

/** A run whose snapshot entry no longer describes it, and why. */
export interface StaleRun {
  id: string;
  /** Why the snapshot's result is not this run's, in words. */
  why: string;
}

export interface Judged {
  /** Planned runs whose run key is in the snapshot, in environments whose recipe is unchanged. */
  fresh: RunSpec[];
  stale: StaleRun[];
  /** Runs the freezing machine could not make either: their reason from the snapshot. */
  notRun: Array<{ spec: RunSpec; reason: string }>;
}

/**
 * Which runs of the site the snapshot still answers. Pure: `planned` was
 * planned with the snapshot's own bound environments, so a planned key equals
 * the frozen key exactly when nothing the key covers (sources, variant,
 * runner, the environment as bound then) changed; `recipeNow` is each
 * environment's recipe hash computed from this checkout (see recipe.ts).
 * Runs of environments the snapshot lacks are not planned at all, so every
 * run the manifests ask for is enumerated here too, and those come out stale.
 */
export function judge(
  probes: Probe[],
  planned: RunSpec[],
  index: SnapshotIndex,
  recipeNow: (envId: string) => string,
  filter: PlanFilter = {},
): Judged {
  const byId = new Map(planned.map((spec) => [spec.id, spec]));
  const recipeChanged = (envId: string) => {
    const frozen = index.environments[envId];
    return frozen !== undefined && frozen.recipe !== recipeNow(envId);
  };
  const judged: Judged = { fresh: [], stale: [], notRun: [] };
  for (const probe of probes) for (const variant of probe.variants) for (const envId of variant.environments) {
    if (!isSelected(filter, probe, variant, envId)) continue;
    const id = resultId(probe.id, variant.id, envId);
    const spec = byId.get(id);
    if (!spec) {
      const missing = [envId, variant.compileIn].filter((e): e is string => e !== undefined && !index.environments[e]);
      judged.stale.push({ id, why: `environment ${missing.join(', ')} is not in the snapshot` });
      continue;
    }
    const changedEnv = [spec.env.id, spec.compile.env.id].find(recipeChanged);
    const frozen = index.runs[id];
    if (changedEnv) judged.stale.push({ id, why: `the recipe of environment ${changedEnv} changed (src/config/environments.ts or docker/)` });
    else if (index.notRun[id] !== undefined) judged.notRun.push({ spec, reason: index.notRun[id]! });
    else if (!frozen) judged.stale.push({ id, why: 'not in the snapshot (a new probe, variant or environment)' });
    else if (frozen.key !== spec.key) judged.stale.push({ id, why: 'the probe, its variant or the runner changed' });
    else judged.fresh.push(spec);
  }
  return judged;
}

/** The stale list as an error or a log shows it: one line per run, grouped by why. */
export function staleList(stale: StaleRun[]): string {
  return [...Map.groupBy(stale, (s) => s.why)]
    .map(([why, runs]) => `  ${why}:\n${runs.map((r) => `    ${r.id}`).join('\n')}`)
    .join('\n');
}

/**
 * Environments the snapshot holds without the in-page checker's data (a
 * snapshot made before it was kept): a build from it publishes no
 * /check-data/ for them, so `freeze --check` and the end-of-run note say so.
 */
export function lackingCheckSite(index: Pick<SnapshotIndex, 'environments' | 'checkSite'>): string[] {
  return Object.keys(index.environments).filter((id) => index.checkSite?.[id] === undefined).sort();
}
