import { describe, it, expect } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inProject, projectCopy } from './helpers.ts';
import { defaultRootsDir } from '../../src/backends/sandbox/roots.ts';

// The copy shares this checkout's sandbox roots (they are big) and its Docker images.
const shared = { MUSL_LAB_ROOTS: defaultRootsDir() };

/**
 * A copy of the project holding only one tiny probe (and one lesson), so the build runs two
 * real runs. snprintf's count for "%lc" of L'\0' differs between musl releases (musl 1.2.5
 * WHATSNEW: "printf %lc of nul wchar now produces output").
 */
function tinyProject(manifest: object, lesson = 'Nothing to see.\n'): string {
  const dir = projectCopy();
  for (const d of ['c-probes', 'content']) rmSync(join(dir, d), { recursive: true, force: true });
  mkdirSync(join(dir, 'c-probes', 't'), { recursive: true });
  mkdirSync(join(dir, 'content', 'about'), { recursive: true });
  writeFileSync(
    join(dir, 'c-probes', 't', 'lc.c'),
    '#include <stdio.h>\n#include <wchar.h>\nint main(void) { char b[8]; printf("n=%d\\n", snprintf(b, sizeof b, "%lc", (wint_t)0)); return 0; }\n',
  );
  writeFileSync(join(dir, 'c-probes', 't', 'lc.probe.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'content', 'index.mdx'), `---\ntitle: Home\n---\n${lesson}`);
  for (const page of ['results', 'status', 'versions']) writeFileSync(join(dir, 'content', 'about', `${page}.mdx`), `---\ntitle: ${page}\n---\n`);
  return dir;
}

describe('differences between versions of one libc', () => {
  it('an undeclared difference fails the build with a diff naming both versions', async () => {
    const dir = tinyProject({ title: 'lc', environments: ['musl-bookworm', 'musl-trixie'] });
    const run = await inProject(dir, 'npm', ['run', 'build'], shared);
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toContain('differ between versions of one libc without the manifest saying why');
    expect(run.all).toMatch(/t\/lc:default {2}musl 1\.2\.3 \(musl-bookworm\) vs musl 1\.2\.5 \(musl-trixie\)/);
    expect(run.all).toContain('stdout line 1: "n=0" vs "n=1"');
    expect(run.all).toContain('c-probes/t/lc.probe.json');
  }, 600_000);

  it('a difference declared with a range and its upstream change passes', async () => {
    const dir = tinyProject({
      title: 'lc',
      environments: ['musl-bookworm', 'musl-trixie'],
      expect: {
        'musl<1.2.5': { outcome: 'ok', stdout: ['^n=0$'], change: 'musl 1.2.5 WHATSNEW: printf %lc of nul wchar now produces output' },
        musl: { outcome: 'ok', stdout: ['^n=1$'] },
      },
    });
    const run = await inProject(dir, 'node', ['scripts/probes.ts', '--json'], shared);
    expect(run.exitCode, run.all).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.versionDifferences).toEqual([
      expect.objectContaining({ probe: 't/lc', family: 'musl', declared: true, change: expect.stringContaining('WHATSNEW'), older: { env: 'musl-bookworm', version: '1.2.3' }, newer: { env: 'musl-trixie', version: '1.2.5' } }),
    ]);
  }, 600_000);
});
