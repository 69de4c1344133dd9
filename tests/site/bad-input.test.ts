import { describe, it, expect } from 'vitest';
import { readdirSync, writeFileSync, mkdirSync, mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProject, projectCopy } from './helpers.ts';

function listing(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

// Broken input must stop the build with the file, the field and a hint, before anything runs.
describe('bad input fails the build clearly', () => {
  it('a manifest with a wrong field names the file, the field and a hint; the cache is untouched', async () => {
    const dir = projectCopy();
    const cache = mkdtempSync(join(tmpdir(), 'musl-lab-cache-'));
    writeFileSync(join(cache, 'sentinel.json'), '{}');
    const before = listing(cache);
    const file = join(dir, 'c-probes', 'basics', 'hello.probe.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.variants[1].expect.musl.outcome = 'crashed';
    writeFileSync(file, JSON.stringify(manifest));
    const run = await inProject(dir, 'npm', ['run', 'build'], { MUSL_LAB_CACHE: cache });
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toContain('ManifestInvalid');
    expect(run.all).toContain('c-probes/basics/hello.probe.json');
    expect(run.all).toContain('variants[1].expect.musl.outcome');
    expect(run.all).toMatch(/hint: /);
    expect(run.all).not.toMatch(/^\s+at /m);
    expect(listing(cache)).toEqual(before);
  });

  it('a manifest with a missing field names it', async () => {
    const dir = projectCopy();
    const file = join(dir, 'c-probes', 'basics', 'hello.probe.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    delete manifest.title;
    writeFileSync(file, JSON.stringify(manifest));
    const run = await inProject(dir, 'node', ['scripts/probes.ts']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/title: /);
  });

  it('a lesson naming an unknown probe names the lesson, its line and a hint', async () => {
    const dir = projectCopy();
    mkdirSync(join(dir, 'content', 'broken'), { recursive: true });
    writeFileSync(
      join(dir, 'content', 'broken', 'page.mdx'),
      "---\ntitle: Broken\n---\nimport Probe from '../../src/components/Probe.astro';\n\n<Probe id=\"thread-stack/no-such-probe\" />\n",
    );
    const run = await inProject(dir, 'npm', ['run', 'build']);
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toContain('UnknownProbeReference');
    expect(run.all).toContain('content/broken/page.mdx:6');
    expect(run.all).toContain('thread-stack/no-such-probe');
    expect(run.all).toMatch(/probes in that topic: .*thread-stack\/sweep/);
  });

  it('a lesson stating a bare libc version fails the build with its file and line', async () => {
    const dir = projectCopy();
    mkdirSync(join(dir, 'content', 'broken'), { recursive: true });
    writeFileSync(join(dir, 'content', 'broken', 'page.mdx'), '---\ntitle: Broken\n---\nSince musl 1.2.4 this works.\n\nOn musl 1.2.3 it did not.\n');
    const run = await inProject(dir, 'npm', ['run', 'build']);
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toContain('BareLibcVersion');
    expect(run.all).toContain('content/broken/page.mdx:6: "musl 1.2.3"');
    expect(run.all).not.toContain('page.mdx:4');
    expect(run.all).toContain('<LibcVersion env="musl" />');
  });
});
