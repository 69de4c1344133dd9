import { describe, expect, it } from 'vitest';
import { executeRuns } from '../../src/session/run.ts';
import { ResultCache } from '../../src/runner/cache.ts';
import { planRuns } from '../../src/runner/plan.ts';
import type { Backend } from '../../src/backends/backend.ts';
import { boundEnvs, probe, result, tempTree } from './helpers.ts';

describe('executeRuns', () => {
  it('gives a result that just ran in the same form as one read back from the cache', async () => {
    const runs = planRuns([probe()], boundEnvs(), 'v1', { envs: ['glibc'] });
    const fresh = (key: string) => {
      const r = result({ key });
      // Backends build results field by field; their key order is not the schema's.
      return Object.fromEntries(Object.entries(r).reverse()) as typeof r;
    };
    const backend = {
      name: 'docker',
      compile: async () => ({ ok: true, exitCode: 0, diagnostics: '', durationMs: 1, binaryDir: '/tmp', cached: false }),
      execute: async (run: { key: string }) => fresh(run.key),
    } as unknown as Backend;
    const cache = new ResultCache(tempTree());
    const [ran] = await executeRuns(runs, { backend, cache });
    const [again] = await executeRuns(runs, { backend, cache });
    expect(again!.cached).toBe(true);
    expect(JSON.stringify(ran!.result)).toBe(JSON.stringify(again!.result));
  });
});
