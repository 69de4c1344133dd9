import type { Backend } from '../backends/backend.ts';
import type { ResultCache } from '../runner/cache.ts';
import type { CompileOutput, CompileSpec, RunSpec } from '../runner/plan.ts';
import { resultSchema, type Result } from '../runner/result.ts';
import { checkExpectation } from '../runner/expect.ts';
import { expectationFor } from '../manifest/version-range.ts';
import { envFacts } from '../outcomes/version-diff.ts';
import { limiter } from '../runner/limit.ts';
import { compileTimedOut } from '../backends/compile-cache.ts';

import type { NotRun, RunRecord } from '../outcomes/records.ts';
export type { NotRun, RunRecord } from '../outcomes/records.ts';

/** Sets apart the runs a backend says it cannot make here; the others run as usual. */
export function splitRunnable(runs: RunSpec[], cannotRun?: (run: RunSpec) => string | undefined): { runnable: RunSpec[]; notRun: NotRun[] } {
  const runnable: RunSpec[] = [];
  const notRun: NotRun[] = [];
  for (const spec of runs) {
    // What the configuration cannot provide (planning) first, then what this backend cannot do here.
    const reason = spec.unavailable ?? cannotRun?.(spec);
    if (reason) notRun.push({ spec, reason });
    else runnable.push(spec);
  }
  return { runnable, notRun };
}

export type RunEvent =
  | { type: 'planned'; total: number; cached: number }
  | { type: 'started'; spec: RunSpec }
  | { type: 'finished'; record: RunRecord; done: number; total: number };

export interface RunOptions {
  backend: Backend;
  cache: ResultCache;
  /** Ignore cached results and run everything again. */
  force?: boolean;
  /** Runs at the same time. */
  concurrency?: number;
  onEvent?: (event: RunEvent) => void;
  /** Set when the user interrupts: no new run starts. */
  signal?: AbortSignal;
  /** Brings a prebuilt program (an npm package) in place of a compile; required when a probe has one. */
  fetchProgram?: (spec: CompileSpec) => Promise<CompileOutput>;
}

/**
 * Executes the planned runs: cached results are reused, identical runs and
 * identical compilations happen once, at most `concurrency` containers at a
 * time. A crash is a result; only a broken engine throws.
 */
export async function executeRuns(runs: RunSpec[], options: RunOptions): Promise<RunRecord[]> {
  const { backend, cache, force = false, onEvent } = options;
  const limit = limiter(Math.max(1, options.concurrency ?? 2));
  const compiles = new Map<string, Promise<CompileOutput>>();
  const inFlight = new Map<string, Promise<{ result: Result; cached: boolean }>>();
  const cachedResults = new Map<string, Result>();
  if (!force) for (const run of runs) {
    const hit = cache.get(run.key);
    // A result whose compile timed out is not reused (see compileTimedOut): the run is made again.
    if (hit && !compileTimedOut(hit.compile)) cachedResults.set(run.key, hit);
  }
  onEvent?.({ type: 'planned', total: runs.length, cached: runs.filter((r) => cachedResults.has(r.key)).length });

  const compileOnce = (spec: CompileSpec) => {
    let pending = compiles.get(spec.key);
    if (!pending) {
      if (spec.probe.build.kind === 'npm') {
        if (!options.fetchProgram) throw new Error(`no fetcher for the npm program of ${spec.probe.id}`);
        pending = options.fetchProgram(spec);
      } else pending = limit(() => backend.compile(spec));
      compiles.set(spec.key, pending);
    }
    return pending;
  };

  const runOnce = (run: RunSpec) => {
    let pending = inFlight.get(run.key);
    if (!pending) {
      pending = (async () => {
        const hit = cachedResults.get(run.key);
        if (hit) return { result: hit, cached: true };
        if (options.signal?.aborted) throw options.signal.reason ?? new Error('interrupted');
        const compiled = await compileOnce(run.compile);
        if (options.signal?.aborted) throw options.signal.reason ?? new Error('interrupted');
        onEvent?.({ type: 'started', spec: run });
        // In the schema's form, as a result read back from the cache is: the same result is then
        // the same bytes wherever it is written (pages, frozen/), whether it ran now or earlier.
        const raw = await limit(() => backend.execute(run, compiled));
        const parsed = resultSchema.safeParse(raw);
        const result = parsed.success ? parsed.data : raw;
        // A run cut short by an interrupt is not a fact about the environment: never cache it.
        if (options.signal?.aborted) throw options.signal.reason ?? new Error('interrupted');
        // Nor is a build cut off by its time limit (a busy machine): its compile-failed result is shown, not cached.
        if (!compiled.timedOut) cache.put(result);
        return { result, cached: false };
      })();
      inFlight.set(run.key, pending);
    }
    return pending;
  };

  let done = 0;
  const finish = async (spec: RunSpec): Promise<RunRecord> => {
    const { result, cached } = await runOnce(spec);
    // The stored result carries the id of whichever identical run executed first.
    const own: Result = result.id === spec.id ? result : { ...result, id: spec.id, probeId: spec.probe.id, variantId: spec.variant.id, envId: spec.env.id };
    const expected = expectationFor(spec.variant.expect, envFacts(spec.env, own.provenance.libc));
    const record: RunRecord = { spec, result: own, cached, mismatches: checkExpectation(own, expected), ...(spec.env.edge ? { edge: true } : {}) };
    onEvent?.({ type: 'finished', record, done: ++done, total: runs.length });
    return record;
  };
  // Exclusive runs (timings) go last and one at a time, with no other container running.
  const shared = runs.filter((r) => !r.probe.exclusive);
  const alone = runs.filter((r) => r.probe.exclusive);
  const records = await Promise.all(shared.map(finish));
  for (const spec of alone) records.push(await finish(spec));
  const order = new Map(runs.map((r, i) => [r, i]));
  return records.sort((a, b) => order.get(a.spec)! - order.get(b.spec)!);
}

