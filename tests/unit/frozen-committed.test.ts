import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectPaths } from '../../src/session/session.ts';
import { readSnapshot, snapshotExists } from '../../src/frozen/snapshot.ts';
import { frozenDirOf } from '../../src/frozen/when.ts';

// The committed frozen/ must be readable and whole. Whether it is current is not
// asserted here: adding a probe must not fail CI (which runs the probes itself);
// the build notes a stale snapshot and `npm run freeze -- --check` lists it.
const dir = frozenDirOf(projectPaths().root);

describe.runIf(snapshotExists(dir))('the committed frozen results', () => {
  it('read back whole: a valid index, every result present under its own key, no stray files', () => {
    const { index, results } = readSnapshot(dir);
    expect(Object.keys(index.runs).length).toBeGreaterThan(0);
    for (const [id, run] of Object.entries(index.runs)) {
      const result = results.get(run.key)!;
      expect(result.key, id).toBe(run.key);
      expect(index.environments[result.envId], `${id}: environment ${result.envId}`).toBeDefined();
    }
    expect(readdirSync(join(dir, 'results')).length).toBe(results.size);
  });

  it('hold the in-page checker\'s data of every environment they hold, each file named, none stray', () => {
    const { index, checkSite } = readSnapshot(dir);
    expect([...checkSite.keys()].sort()).toEqual(Object.keys(index.environments).sort());
    expect(readdirSync(join(dir, 'check-site', 'env')).sort()).toEqual(Object.values(index.checkSite!).map((name) => `${name}.json`).sort());
    const libraries = new Set([...checkSite.values()].flatMap((s) => Object.keys(s.libraries)));
    expect(readdirSync(join(dir, 'check-site', 'lib')).sort()).toEqual([...libraries].map((hash) => `${hash}.json`).sort());
  });
});
