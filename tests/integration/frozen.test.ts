import { describe, it, expect, beforeAll } from 'vitest';
import { execa } from 'execa';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPaths, type ProjectPaths } from '../../src/session/session.ts';
import { fixtureProject } from './helpers.ts';
import { hostedBuilderEnv } from '../hosted-builder.ts';
import { siteData } from '../../src/check/publish.ts';

const scripts = join(projectPaths().root, 'scripts');

function cli(script: 'probes' | 'freeze', paths: ProjectPaths, env: Record<string, string> = {}, args: string[] = []) {
  return execa(process.execPath, [join(scripts, `${script}.ts`), ...args], {
    env: { MUSL_LAB_ROOT: paths.root, MUSL_LAB_CACHE: paths.cacheDir, FORCE_COLOR: '0', ...env },
    reject: false,
    all: true,
  });
}

/** A builder's checkout: the same probes and snapshot, an empty cache. */
function builderCopy(from: ProjectPaths): ProjectPaths {
  const root = mkdtempSync(join(tmpdir(), 'musl-lab-builder-'));
  cpSync(from.probesDir, join(root, 'c-probes'), { recursive: true });
  cpSync(from.contentDir, join(root, 'content'), { recursive: true });
  cpSync(join(from.root, 'frozen'), join(root, 'frozen'), { recursive: true });
  return { ...from, root, probesDir: join(root, 'c-probes'), contentDir: join(root, 'content'), cacheDir: join(root, 'cache') };
}

const lastRun = (paths: ProjectPaths) => JSON.parse(readFileSync(join(paths.cacheDir, 'last-run.json'), 'utf8'));

let made: ProjectPaths;
let madeAt: string;

beforeAll(async () => {
  made = fixtureProject(['frozen']);
  const freeze = await cli('freeze', made);
  expect(freeze.exitCode, freeze.all).toBe(0);
  expect(freeze.all).toMatch(/froze 2 runs \(\d distinct results, 0 not run\) into frozen\/: \d+ files/);
  madeAt = JSON.parse(readFileSync(join(made.root, 'frozen', 'index.json'), 'utf8')).madeAt;
});

describe('frozen results on a machine with no engine and no sandbox', () => {
  it('npm run probes takes every result from the snapshot, says so, and runs nothing', async () => {
    const builder = builderCopy(made);
    const run = await cli('probes', builder, hostedBuilderEnv());
    expect(run.exitCode, run.all).toBe(0);
    expect(run.all).toMatch(/no engine and no sandbox \(no Docker engine answers \(ENOENT\); bubblewrap \(bwrap\) is not installed[^)]*\): building from the frozen results made on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(run.all).toMatch(/Results from the frozen snapshot made on .*; nothing ran on this machine\./);
    const report = lastRun(builder);
    expect(report.frozen).toEqual({ madeAt, stale: [] });
    expect(report.totals).toMatchObject({ runs: 2, executed: 0 });
    expect(report.runs.map((r: { id: string; outcome: string }) => [r.id, r.outcome])).toEqual([['frozen/hello:default@glibc-trixie', 'ok'], ['frozen/hello:default@musl-trixie', 'ok']]);
    // The in-page checker's data, as the freezing machine read it from the environments.
    const thawed = siteData(builder.cacheDir);
    const read = siteData(made.cacheDir).environments.filter((e) => ['glibc-trixie', 'musl-trixie'].includes(e.env.id));
    expect(thawed.environments.map((e) => e.env.id)).toEqual(['glibc-trixie', 'musl-trixie']);
    // What the site publishes from it: each listing, and each library by its hash, the same bytes.
    const published = (sites: typeof read) => sites.map((e) => [JSON.stringify(e.env), Object.entries(e.libraries).sort(([a], [b]) => (a < b ? -1 : 1)).map(([hash, lib]) => `${hash} ${JSON.stringify(lib)}`)]);
    expect(published(thawed.environments)).toEqual(published(read));
    expect(thawed.absent['glibc-bookworm']).toMatch(/^the frozen results of \d{4}-\d\d-\d\d lack it$/);
  });

  it('a snapshot without the in-page checker\'s data: the build names why, freeze --check asks for a refreeze', async () => {
    const builder = builderCopy(made);
    const indexFile = join(builder.root, 'frozen', 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    delete index.checkSite;
    writeFileSync(indexFile, JSON.stringify(index));
    const run = await cli('probes', builder, hostedBuilderEnv());
    expect(run.exitCode, run.all).toBe(0);
    expect(siteData(builder.cacheDir)).toEqual({ environments: [], absent: expect.objectContaining({ 'musl-trixie': `the frozen results of ${madeAt.slice(0, 10)} lack it` }) });
    const check = await cli('freeze', builder, hostedBuilderEnv(), ['--check']);
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toMatch(/lacks the in-page checker's data of glibc-trixie, musl-trixie\.\nRun `npm run freeze`/);
  });

  it('a changed probe fails with the stale list and the fix; freeze --check says the same without an engine', async () => {
    const builder = builderCopy(made);
    appendFileSync(join(builder.probesDir, 'frozen', 'hello.c'), '/* changed */ int changed;\n');
    const run = await cli('probes', builder, hostedBuilderEnv());
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain('FrozenResultsStale: 2 run(s) changed since the frozen results were made');
    expect(run.all).toMatch(/the probe, its variant or the runner changed:\n\s+frozen\/hello:default@glibc-trixie\n\s+frozen\/hello:default@musl-trixie/);
    expect(run.all).toMatch(/hint: Run `npm run freeze` .*MUSL_LAB_ALLOW_STALE=1/);
    expect(run.all).not.toMatch(/^\s+at /m);
    const check = await cli('freeze', builder, hostedBuilderEnv(), ['--check']);
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toMatch(/is stale for 2 run\(s\):\n.*\n\s+frozen\/hello:default@glibc-trixie/);
  });

  it('MUSL_LAB_ALLOW_STALE=1 publishes the stale results and names them', async () => {
    const builder = builderCopy(made);
    appendFileSync(join(builder.probesDir, 'frozen', 'hello.c'), '/* changed */ int changed;\n');
    const run = await cli('probes', builder, { ...hostedBuilderEnv(), MUSL_LAB_ALLOW_STALE: '1' });
    expect(run.exitCode, run.all).toBe(0);
    expect(run.all).toMatch(/MUSL_LAB_ALLOW_STALE: publishing 2 stale run\(s\)/);
    expect(run.all).toMatch(/2 stale run\(s\) published, marked as stale on their pages/);
    expect(lastRun(builder).frozen.stale).toEqual(['frozen/hello:default@glibc-trixie', 'frozen/hello:default@musl-trixie']);
  });
});

describe('frozen results on a machine that can run the probes', () => {
  it('a current snapshot passes freeze --check', async () => {
    const check = await cli('freeze', made, {}, ['--check']);
    expect(check.exitCode, check.all).toBe(0);
    expect(check.stdout).toMatch(/answers all 2 runs of this checkout/);
  });

  it('a stale snapshot is a note after a real run, never a failure', async () => {
    const author = builderCopy(made);
    appendFileSync(join(author.probesDir, 'frozen', 'hello.c'), '/* changed */ int changed;\n');
    const run = await cli('probes', author);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.all).toMatch(/note: frozen\/ \(made \d{4}-\d\d-\d\d\) is stale for 2 run\(s\) of this checkout.*npm run freeze/);
    expect(lastRun(author).frozen).toBeUndefined();
  });
});
