import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPaths, type ProjectPaths } from '../../src/runner/session.ts';

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
