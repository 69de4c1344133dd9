import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPaths, type ProjectPaths } from '../../src/session/session.ts';
import type { RunRecord } from '../../src/session/run.ts';
import type { Result } from '../../src/runner/result.ts';

const real = projectPaths();

/**
 * A throwaway project: the given fixture probes, no lessons, a private cache,
 * and the real docker/ recipes (so the real images are used).
 */
export function fixtureProject(fixtureDirs: string[] = ['fixture']): ProjectPaths {
  const root = mkdtempSync(join(tmpdir(), 'musl-lab-test-'));
  for (const dir of fixtureDirs) cpSync(join(real.root, 'tests', 'fixtures', 'probes', dir), join(root, 'c-probes', dir), { recursive: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  return { root, probesDir: join(root, 'c-probes'), contentDir: join(root, 'content'), dockerDir: real.dockerDir, cacheDir: join(root, 'cache') };
}

/** A session's records, filled in by a beforeAll, and a lookup that names what exists when a run is missing. */
export function sessionRecords(): { records: RunRecord[]; run: (id: string) => Result } {
  const holder = {
    records: [] as RunRecord[],
    run: (id: string) => {
      const found = holder.records.find((r) => r.result.id === id);
      if (!found) throw new Error(`no run ${id}; have ${holder.records.map((r) => r.result.id).join(', ')}`);
      return found.result;
    },
  };
  return holder;
}
