import type { BoundEnvironment } from '../runner/plan.ts';
import type { NotRun, RunRecord } from '../outcomes/records.ts';
import { LabError } from '../errors/lab-error.ts';
import { versionDifferences } from '../outcomes/version-diff.ts';
import { environmentRecipe } from './recipe.ts';
import type { SnapshotInput } from './snapshot.ts';
import type { SiteEnvironment } from '../check/publish.ts';

export interface FreezeSource {
  records: RunRecord[];
  notRun: NotRun[];
  envs: Map<string, BoundEnvironment>;
  /** The in-page checker's data the freezing machine read (src/check/publish.ts siteData). */
  checkSite: SiteEnvironment[];
}

/**
 * What a snapshot holds, from a real session over the whole site. Refuses a
 * session whose results disagree with their manifests: a build from them
 * would fail, so freezing them would only move the failure to the builder.
 */
export function snapshotInput(session: FreezeSource, o: { dockerDir: string; runnerVersion: string; madeAt: string }): SnapshotInput {
  // Edge (sid) disagreements are reported, never a failure, so they do not stop a freeze either.
  const disagreeing = session.records.filter((r) => r.mismatches.length > 0 && !r.edge);
  if (disagreeing.length > 0) {
    throw new LabError({
      name: 'FreezeRefused',
      message: `${disagreeing.length} run(s) disagree with their manifest's expectations (${disagreeing.slice(0, 5).map((r) => r.result.id).join(', ')}${disagreeing.length > 5 ? ', …' : ''}); frozen/ was left as it was.`,
      hint: '`npm run probes` shows the diff; fix the probe or its manifest, then freeze again.',
    });
  }
  const undeclared = versionDifferences(session.records).filter((d) => !d.declared && !d.edge);
  if (undeclared.length > 0) {
    throw new LabError({
      name: 'FreezeRefused',
      message: `${undeclared.length} result(s) differ between versions of one libc without the manifest saying why (${undeclared.slice(0, 5).map((d) => `${d.probeId}:${d.variantId} ${d.family} ${d.older.version} vs ${d.newer.version}`).join(', ')}${undeclared.length > 5 ? ', …' : ''}); frozen/ was left as it was.`,
      hint: '`npm run probes` shows the diff; declare the change in the manifest, then freeze again.',
    });
  }
  // Only the environments some run used (a compile-only environment included).
  const used = new Set(session.records.flatMap((r) => [r.spec.env.id, r.spec.compile.env.id]));
  for (const n of session.notRun) for (const e of [n.spec.env.id, n.spec.compile.env.id]) used.add(e);
  // A snapshot without an environment's check-site data would make the in-page checker of every
  // build from it answer "No data" for that environment, and nothing on a hosted builder can read
  // it. Refused rather than noted: freezing runs where a backend can read every environment (both
  // backends implement environmentShell, and scripts/freeze.ts reads them just before), so missing
  // data means that read failed or was skipped, which a note scrolling past would hide until a
  // reader hit the dead end.
  const sites = session.checkSite.filter((s) => used.has(s.env.id));
  const lacking = [...used].filter((id) => !sites.some((s) => s.env.id === id)).sort();
  if (lacking.length > 0) {
    throw new LabError({
      name: 'FreezeRefused',
      message: `The in-page checker's data (check-site/ of the cache) is missing for ${lacking.join(', ')}; a snapshot without it would publish no /check-data/ for ${lacking.length === 1 ? 'that environment' : 'those environments'}. frozen/ was left as it was.`,
      hint: 'Run `npm run probes` (it reads every environment\'s loader and libraries), then freeze again; if the read fails, its error says why.',
    });
  }
  return {
    madeAt: o.madeAt,
    runnerVersion: o.runnerVersion,
    environments: [...session.envs.values()].filter((e) => used.has(e.id)).map((bound) => ({ bound, recipe: environmentRecipe(o.dockerDir, bound) })),
    runs: session.records.map((r) => ({ result: r.result, ...(r.check ? { check: r.check } : {}) })),
    notRun: session.notRun.map((n) => ({ id: n.spec.id, reason: n.reason })),
    checkSite: sites,
  };
}
