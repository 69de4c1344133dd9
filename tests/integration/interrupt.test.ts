import { describe, it, expect } from 'vitest';
import { execa } from 'execa';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectDocker, containerLabel } from '../../src/backends/docker/engine.ts';
import { projectPaths } from '../../src/session/session.ts';
import { fixtureProject } from './helpers.ts';

const cli = join(projectPaths().root, 'scripts', 'probes.ts');

function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'results'), { recursive: true }).map(String).filter((f) => f.includes('.'));
  } catch {
    return [];
  }
}

describe('interrupting npm run probes', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s stops every container, caches nothing half-done, and the next run resumes', async (sig) => {
    const paths = fixtureProject(['slow']);
    const env = { MUSL_LAB_ROOT: paths.root, MUSL_LAB_CACHE: paths.cacheDir, FORCE_COLOR: '0' };
    const child = execa('node', [cli], { env, reject: false, all: true });
    // Interrupt as soon as the first run has finished.
    await new Promise<void>((resolve) => {
      child.all!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('[ran]')) resolve();
      });
    });
    child.kill(sig);
    const ended = await child;
    expect(ended.signal === sig || ended.exitCode === 128 + (sig === 'SIGINT' ? 2 : 15)).toBe(true);
    expect(ended.all).toContain(`${sig}: stopping every running container`);
    // Only this child's containers: other runners may be working on the same engine.
    expect(await connectDocker().listContainers({ all: true, filters: { label: [`${containerLabel}=${child.pid}`] } })).toEqual([]);

    const files = cacheFiles(paths.cacheDir);
    expect(files.every((f) => f.endsWith('.json'))).toBe(true);
    for (const f of files) JSON.parse(readFileSync(join(paths.cacheDir, 'results', f), 'utf8'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(6);

    const again = await execa('node', [cli, '--json'], { env, reject: false });
    expect(again.exitCode, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.totals.cached).toBe(files.length);
    expect(report.totals.executed).toBe(6 - files.length);
  });
});
