import { describe, it, expect, beforeAll } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPaths } from '../../src/session/session.ts';
import { buildSite, inProject, root } from './helpers.ts';
import { hostedBuilderEnv } from '../hosted-builder.ts';
import { chromium } from 'playwright-core';
import { assertChromium, chromiumFlags } from '../../src/site/chromium.ts';
import { serveDist } from '../../src/site/serve.ts';

// A hosted builder: no Docker engine, no bubblewrap, an empty cache, and the
// snapshot in its checkout. The snapshot is frozen here, from this checkout's
// probes (cache hits after the other site tests), so the test never depends on
// whether the committed frozen/ is current (`npm run freeze -- --check` says that).
// The builder's probes, lessons and snapshot are a copy (MUSL_LAB_ROOT), so one can
// be changed; Astro runs in the project itself (a copy with node_modules linked
// does not build) and writes to a folder of its own (--outDir), leaving dist/ alone.
const minutes = 60_000;
let copy: string;
let out: string;
const builder = () => ({ ...hostedBuilderEnv(), MUSL_LAB_ROOT: copy, MUSL_LAB_CACHE: mkdtempSync(join(tmpdir(), 'musl-lab-builder-cache-')) });
const build = (env: Record<string, string>) => inProject(root, 'npm', ['run', 'build', '--', '--outDir', out], env);
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort();
}

beforeAll(async () => {
  await buildSite();
  copy = mkdtempSync(join(tmpdir(), 'musl-lab-builder-'));
  out = join(copy, 'dist');
  for (const name of ['c-probes', 'content']) cpSync(join(root, name), join(copy, name), { recursive: true });
  const freeze = await inProject(root, 'npm', ['run', 'freeze'], { MUSL_LAB_ROOT: copy, MUSL_LAB_CACHE: projectPaths().cacheDir });
  expect(freeze.exitCode, freeze.all).toBe(0);
}, 40 * minutes);

describe('npm run build with no engine and no sandbox', () => {
  it('builds the site from the frozen results, says so, and every page says when its results were made', async () => {
    const run = await build(builder());
    expect(run.exitCode, run.all).toBe(0);
    expect(run.all).toMatch(/no engine and no sandbox \(no Docker engine answers .*\): building from the frozen results made on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const madeOn = JSON.parse(readFileSync(join(copy, 'frozen', 'index.json'), 'utf8')).madeAt.slice(0, 10);
    const home = page('');
    expect(home).toContain(` · frozen ${madeOn}`);
    // The run's own page (its details, fetched when opened) says when it ran and where the result came from.
    const details = page('runs/basics/hello/default/glibc-trixie');
    expect(details).toContain(`frozen: from the results snapshot made on ${madeOn}`);
    expect(details).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
    expect(home).not.toContain('data-stale');
    expect(page('about/status')).toMatch(/<p data-status="frozen">\s*Nothing ran on the machine that built this site/);
    // The same raw results as the build that ran them.
    const published = jsonFiles(join(out, 'results'));
    expect(published).toEqual(jsonFiles(join(root, 'dist', 'results')));
    for (const file of published) expect(readFileSync(join(out, 'results', file), 'utf8'), file).toBe(readFileSync(join(root, 'dist', 'results', file), 'utf8'));
    // The in-page checker's data too, though nothing here could read an environment: the same files, the same bytes.
    const checkData = jsonFiles(join(out, 'check-data'));
    expect(checkData).toEqual(jsonFiles(join(root, 'dist', 'check-data')));
    expect(checkData.filter((f) => f.startsWith('env/')).length).toBeGreaterThan(0);
    for (const file of checkData) expect(readFileSync(join(out, 'check-data', file), 'utf8'), file).toBe(readFileSync(join(root, 'dist', 'check-data', file), 'utf8'));
    expect(JSON.parse(readFileSync(join(out, 'check-data', 'index.json'), 'utf8')).missing).toEqual([]);
    expect(page('linking/check-in-browser')).not.toContain('data-missing');
  }, 20 * minutes);

  it('fails with the stale list when a probe changed since the freeze', async () => {
    appendFileSync(join(copy, 'c-probes', 'basics', 'hello.c'), '/* changed after the freeze */\nint changed_after_freeze;\n');
    const run = await build(builder());
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toContain('FrozenResultsStale');
    expect(run.all).toMatch(/the probe, its variant or the runner changed:\n(\s+basics\/hello:[^\n]+\n)+/);
    expect(run.all).toMatch(/hint: .*MUSL_LAB_ALLOW_STALE=1/);
  }, 10 * minutes);

  it('with MUSL_LAB_ALLOW_STALE=1, publishes them marked as stale, with when they were made', async () => {
    // Also an environment whose recipe changed since the freeze (its check-site data is stale with
    // it), and one whose check-site data the snapshot lacks (as a snapshot made before it was kept).
    const docker = join(copy, 'docker');
    cpSync(join(root, 'docker'), docker, { recursive: true });
    appendFileSync(join(docker, 'common', 'stock.Dockerfile'), '\n# changed after the freeze\n');
    const indexFile = join(copy, 'frozen', 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    delete index.checkSite['musl-bookworm'];
    writeFileSync(indexFile, JSON.stringify(index));
    const run = await build({ ...builder(), MUSL_LAB_ALLOW_STALE: '1', MUSL_LAB_DOCKER: docker });
    expect(run.exitCode, run.all).toBe(0);
    const made = index.madeAt.slice(0, 10);
    const checkIndex = JSON.parse(readFileSync(join(out, 'check-data', 'index.json'), 'utf8'));
    expect(checkIndex.missing).toEqual([{ id: 'musl-bookworm', label: 'musl (bookworm)', reason: `the frozen results of ${made} lack it` }]);
    expect(checkIndex.environments.find((e: { id: string }) => e.id === 'glibc-stock').stale).toBe(`this data was read on ${made}, and since then the recipe of environment glibc-stock changed`);
    expect(checkIndex.environments.filter((e: { stale?: string }) => e.stale).map((e: { id: string }) => e.id)).toEqual(['glibc-stock']);
    // The page says so before the reader picks a file.
    const checker = page('linking/check-in-browser');
    expect(checker).toMatch(/<p class="wir-missing[^"]*"[^>]*data-missing="musl-bookworm"[^>]*>No data for musl \(bookworm\): the frozen results of \d{4}-\d\d-\d\d lack it\. That environment is not judged\.<\/p>/);
    expect(checker).toMatch(/<p class="wir-stale[^"]*"[^>]*data-stale="glibc-stock"[^>]*>\s*Stale data for glibc, stock image: this data was read on/);
    // And in the verdicts, once a file is given: the stale row is marked, the missing one named.
    const served = await serveDist(copy);
    const browser = await chromium.launch({ executablePath: assertChromium(), args: chromiumFlags });
    try {
      const tab = await browser.newPage();
      await tab.goto(`${served.url}/linking/check-in-browser/`);
      await tab.setInputFiles('#wir-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\n') });
      await tab.waitForSelector('.wir-output section[data-file="notes.txt"] tr[data-env]');
      expect(await tab.$$eval('.wir-output tr[data-stale]', (rows) => rows.map((r) => (r as HTMLElement).dataset.env))).toEqual(['glibc-stock']);
      expect(await tab.textContent('.wir-output tr[data-env="glibc-stock"] .wir-stale')).toMatch(/^Stale: this data was read on \d{4}-\d\d-\d\d, and since then the recipe of environment glibc-stock changed\.$/);
      expect(await tab.$$eval('.wir-output tr[data-env]', (rows) => rows.map((r) => (r as HTMLElement).dataset.env))).not.toContain('musl-bookworm');
      expect(await tab.textContent('.wir-output .wir-missing')).toMatch(/^No data for musl \(bookworm\): the frozen results of \d{4}-\d\d-\d\d lack it\./);
    } finally {
      await browser.close();
      await served.stop();
    }
    const home = page('');
    expect(home).toMatch(/<div class="run" data-env="glibc-trixie" data-stale/);
    expect(home).toMatch(/Stale: this result was made on \d{4}-\d\d-\d\d, and since then the probe, its variant or the runner changed/);
    expect(page('about/status')).toMatch(/are stale .* are marked on their pages: .*basics\/hello:default@glibc-trixie/s);
  }, 20 * minutes);
});
