import { describe, it, expect } from 'vitest';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planRuns } from '../../src/runner/plan.ts';
import { judge, staleList } from '../../src/frozen/staleness.ts';
import { readSnapshot, writeSnapshot, snapshotFormat, type SnapshotIndex } from '../../src/frozen/snapshot.ts';
import { frozenReason, type FrozenDeps } from '../../src/frozen/when.ts';
import { allowStaleFromEnv } from '../../src/frozen/thaw.ts';
import { snapshotInput } from '../../src/frozen/freeze.ts';
import { environmentRecipe } from '../../src/frozen/recipe.ts';
import { projectPaths } from '../../src/session/session.ts';
import { probeEntries } from '../../src/loader/probe-entry.ts';
import { boundEnv, boundEnvs, caught, probe, record, result, tempTree, variant } from './helpers.ts';
import type { SiteEnvironment } from '../../src/check/publish.ts';

/** The smallest check-site data of an environment: a listing without libraries. */
const site = (id: string): SiteEnvironment => ({
  env: { id, label: id, family: 'glibc', libc: 'glibc 2.41', distro: 'test', machine: 'x86-64', search: { cache: [], muslPath: null }, dirs: {}, files: {} },
  libraries: {},
});

function expectLabError(fn: () => unknown, name: string) {
  const error = caught(fn);
  expect(error.name).toBe(name);
  return error;
}

const envs = boundEnvs();
const recipes = { glibc: 'recipe-glibc', musl: 'recipe-musl' };

/** An index that answers every run of `probes` as planned now. */
function indexFor(probes: ReturnType<typeof probe>[]): SnapshotIndex {
  const runs = Object.fromEntries(planRuns(probes, envs, 'v1').map((s) => [s.id, { key: s.key }]));
  return {
    format: snapshotFormat, madeAt: '2026-11-28T10:00:00.000Z', runnerVersion: 'v1',
    environments: Object.fromEntries([...envs.values()].map((e) => [e.id, { bound: e, recipe: recipes[e.id as 'glibc' | 'musl'] }])),
    runs, notRun: {},
  };
}

function judgeNow(probes: ReturnType<typeof probe>[], index: SnapshotIndex, recipeNow = (id: string) => recipes[id as 'glibc' | 'musl']) {
  return judge(probes, planRuns(probes, envs, 'v1'), index, recipeNow);
}

describe('staleness, judged without an engine', () => {
  it('a snapshot made from the same probes and recipes answers every run', () => {
    const probes = [probe()];
    const judged = judgeNow(probes, indexFor(probes));
    expect(judged.fresh.map((s) => s.id)).toEqual(['basics/hello:default@glibc', 'basics/hello:default@musl']);
    expect(judged.stale).toEqual([]);
  });

  it('a changed source makes every run of that probe stale, and says why', () => {
    const index = indexFor([probe()]);
    const judged = judgeNow([probe({ source: 'int main(void) { return 1; }\n' })], index);
    expect(judged.fresh).toEqual([]);
    expect(judged.stale).toEqual([
      { id: 'basics/hello:default@glibc', why: 'the probe, its variant or the runner changed' },
      { id: 'basics/hello:default@musl', why: 'the probe, its variant or the runner changed' },
    ]);
  });

  it('a prose-only change (title, expectations) is not stale: they are not in the key', () => {
    const index = indexFor([probe()]);
    const judged = judgeNow([probe({ title: 'Another title', variants: [variant({ expect: { musl: { outcome: 'ok' } } })] })], index);
    expect(judged.stale).toEqual([]);
  });

  it('a new variant is stale as "not in the snapshot"', () => {
    const index = indexFor([probe()]);
    const judged = judgeNow([probe({ variants: [variant(), variant({ id: 'loud', args: ['-v'] })] })], index);
    expect(judged.stale.map((s) => s.id)).toEqual(['basics/hello:loud@glibc', 'basics/hello:loud@musl']);
    expect(judged.stale[0]!.why).toMatch(/not in the snapshot/);
  });

  it('a changed environment recipe makes that environment stale', () => {
    const probes = [probe()];
    const judged = judgeNow(probes, indexFor(probes), (id) => (id === 'musl' ? 'recipe-musl-2' : recipes.glibc));
    expect(judged.fresh.map((s) => s.id)).toEqual(['basics/hello:default@glibc']);
    expect(judged.stale).toEqual([{ id: 'basics/hello:default@musl', why: 'the recipe of environment musl changed (src/config/environments.ts or docker/)' }]);
  });

  it('an environment the snapshot lacks is stale, though nothing could plan it', () => {
    const probes = [probe({ variants: [variant({ environments: ['glibc', 'musl', 'glibc-stock'] })] })];
    const judged = judgeNow(probes, indexFor(probes));
    expect(judged.stale).toEqual([{ id: 'basics/hello:default@glibc-stock', why: 'environment glibc-stock is not in the snapshot' }]);
  });

  it('a run the freezing machine could not make stays not run, with its reason', () => {
    const probes = [probe()];
    const index = indexFor(probes);
    delete index.runs['basics/hello:default@musl'];
    index.notRun['basics/hello:default@musl'] = 'DNS scenarios need root in the sandbox';
    const judged = judgeNow(probes, index);
    expect(judged.notRun.map((n) => [n.spec.id, n.reason])).toEqual([['basics/hello:default@musl', 'DNS scenarios need root in the sandbox']]);
  });

  it('lists stale runs grouped by why', () => {
    expect(staleList([{ id: 'a:x@glibc', why: 'w1' }, { id: 'b:y@musl', why: 'w2' }, { id: 'a:x@musl', why: 'w1' }])).toBe('  w1:\n    a:x@glibc\n    a:x@musl\n  w2:\n    b:y@musl');
  });
});

describe('the snapshot on disk', () => {
  const input = (results: ReturnType<typeof result>[]) => ({
    madeAt: '2026-11-28T10:00:00.000Z', runnerVersion: 'v1',
    environments: [{ bound: boundEnv('glibc'), recipe: 'r' }],
    runs: results.map((r) => ({ result: r })), notRun: [{ id: 'x:y@musl', reason: 'why' }], checkSite: [],
  });

  it('stores one compact file per run key, and reads back what it wrote', () => {
    const dir = tempTree();
    const a = result();
    // An identical run (same key) under another id shares the file.
    const twin = result({ id: 'basics/hello:twin@glibc', variantId: 'twin' });
    const b = result({ id: 'basics/hello:other@glibc', variantId: 'other', key: 'cd'.repeat(32), stdout: 'other\n' });
    writeSnapshot(dir, input([a, twin, b]));
    expect(readdirSync(join(dir, 'results')).sort()).toEqual([`${'ab'.repeat(32)}.json`, `${'cd'.repeat(32)}.json`]);
    expect(readFileSync(join(dir, 'results', `${'cd'.repeat(32)}.json`), 'utf8').split('\n')).toHaveLength(2);
    const read = readSnapshot(dir);
    expect(read.index.runs['basics/hello:twin@glibc']).toEqual({ key: 'ab'.repeat(32) });
    expect(read.results.get('cd'.repeat(32))).toEqual(b);
    expect(read.index.notRun).toEqual({ 'x:y@musl': 'why' });
  });

  it('writing again removes results no run names, and the same input gives the same bytes', () => {
    const dir = tempTree();
    const b = result({ id: 'basics/hello:other@glibc', variantId: 'other', key: 'cd'.repeat(32) });
    writeSnapshot(dir, input([result(), b]));
    writeSnapshot(dir, input([result()]));
    const first = readFileSync(join(dir, 'index.json'), 'utf8');
    expect(existsSync(join(dir, 'results', `${'cd'.repeat(32)}.json`))).toBe(false);
    writeSnapshot(dir, input([result()]));
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe(first);
  });

  it('a damaged index names the file and the field, with the fix', () => {
    const dir = tempTree();
    writeSnapshot(dir, input([result()]));
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    index.runs['basics/hello:default@glibc'].key = 'nope';
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
    const error = expectLabError(() => readSnapshot(dir), 'FrozenSnapshotInvalid');
    expect(error.message).toMatch(/runs\.basics\/hello:default@glibc\.key/);
    expect(error.file).toBe(join(dir, 'index.json'));
    expect(error.hint).toMatch(/npm run freeze/);
  });

  it('a missing result file and another format are refused by name', () => {
    const dir = tempTree();
    writeSnapshot(dir, input([result()]));
    writeFileSync(join(dir, 'results', `${'ab'.repeat(32)}.json`), '{}');
    expect(expectLabError(() => readSnapshot(dir), 'FrozenSnapshotInvalid').file).toMatch(/results\/abab/);
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ format: 99 }));
    expect(expectLabError(() => readSnapshot(dir), 'FrozenSnapshotInvalid').message).toMatch(/format is 99, and this runner reads format 1/);
  });
});

describe('when a build takes the frozen results', () => {
  const noEngine = { ping: async () => Promise.reject(Object.assign(new Error('connect ENOENT /nowhere.sock'), { code: 'ENOENT' })) };
  const engine = { ping: async () => 'OK' };
  const deps = (over: Partial<FrozenDeps> = {}): FrozenDeps => ({
    docker: noEngine as never, sandboxProblem: async () => new Error('bubblewrap (bwrap) is not installed.'), hasSnapshot: true, frozenDir: '/x/frozen', ...over,
  });

  it('auto: only when no engine answers and the sandbox cannot run, and it says why', async () => {
    expect(await frozenReason('auto', deps())).toBe('no engine and no sandbox (no Docker engine answers (ENOENT); bubblewrap (bwrap) is not installed)');
    expect(await frozenReason('auto', deps({ docker: engine as never }))).toBeUndefined();
    expect(await frozenReason('auto', deps({ sandboxProblem: async () => undefined }))).toBeUndefined();
  });

  it('auto without a snapshot, or a requested real backend, never falls back', async () => {
    expect(await frozenReason('auto', deps({ hasSnapshot: false }))).toBeUndefined();
    expect(await frozenReason('docker', deps())).toBeUndefined();
    expect(await frozenReason('sandbox', deps())).toBeUndefined();
  });

  it('backend "frozen" takes it without asking, and names the missing snapshot', async () => {
    expect(await frozenReason('frozen', deps({ docker: engine as never }))).toBe('backend "frozen" was asked for');
    const error = await frozenReason('frozen', deps({ hasSnapshot: false })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'FrozenSnapshotMissing', message: expect.stringContaining('/x/frozen/index.json') });
  });

  it('MUSL_LAB_ALLOW_STALE accepts 1, true, yes', () => {
    expect([undefined, '', '0', 'no', '1', 'true', 'YES'].map((v) => allowStaleFromEnv(v))).toEqual([false, false, false, false, true, true, true]);
  });
});

describe('what freezing stores', () => {
  const dockerDir = projectPaths().dockerDir;
  const spec = (envId: string) => ({ id: `basics/hello:default@${envId}`, probe: probe(), env: envs.get(envId)!, compile: { env: envs.get(envId)! } }) as never;

  it('the runs, the environments they used with their recipe hashes, and the runs not made', () => {
    const input = snapshotInput(
      { records: [record(result(), { spec: spec('glibc') })], notRun: [], envs: boundEnvs(boundEnv('glibc'), boundEnv('musl'), boundEnv('glibc-stock')), checkSite: [site('glibc'), site('musl')] },
      { dockerDir, runnerVersion: 'v1', madeAt: '2026-11-28T10:00:00.000Z' },
    );
    expect(input.environments.map((e) => e.bound.id)).toEqual(['glibc']);
    expect(input.environments[0]!.recipe).toBe(environmentRecipe(dockerDir, boundEnv('glibc')));
    expect(input.runs).toEqual([{ result: result() }]);
    // Only the environments it stores: their check-site data goes with them.
    expect(input.checkSite.map((c) => c.env.id)).toEqual(['glibc']);
  });

  it('refuses, naming the environment and the fix, when an environment it stores has no check-site data', () => {
    const error = expectLabError(() => snapshotInput(
      { records: [record(result(), { spec: spec('glibc') })], notRun: [], envs: boundEnvs(boundEnv('glibc')), checkSite: [site('musl')] },
      { dockerDir, runnerVersion: 'v1', madeAt: '2026-11-28T10:00:00.000Z' },
    ), 'FreezeRefused');
    expect(error.message).toMatch(/in-page checker's data .* missing for glibc; .*frozen\/ was left as it was/);
    expect(error.hint).toMatch(/npm run probes/);
  });

  it('keeps an environment\'s toolchain binding, so Go, Rust and Python runs planned from the snapshot keep their keys', () => {
    const dir = tempTree();
    const toolchain = boundEnv('musl-trixie', { toolchains: { go: 'go version go1.24.4 linux/amd64' }, interpreters: {}, toolchainProblems: { python: 'not found' } });
    const trixie = boundEnv('musl-trixie', { suite: 'trixie', family: 'musl', toolchain });
    writeSnapshot(dir, { madeAt: '2026-11-28T10:00:00.000Z', runnerVersion: 'v1', environments: [{ bound: trixie, recipe: 'r' }], runs: [{ result: result() }], notRun: [], checkSite: [] });
    expect(readSnapshot(dir).index.environments['musl-trixie']!.bound).toEqual(trixie);
  });

  it('keeps an environment\'s suite, family and edge flag: a thawed sid run is still reported, not failed', () => {
    const dir = tempTree();
    const sid = boundEnv('musl-sid', { suite: 'sid', family: 'musl', edge: true, packages: { musl: '1.2.6-2' } });
    writeSnapshot(dir, { madeAt: '2026-11-28T10:00:00.000Z', runnerVersion: 'v1', environments: [{ bound: sid, recipe: 'r' }], runs: [{ result: result() }], notRun: [], checkSite: [] });
    expect(readSnapshot(dir).index.environments['musl-sid']!.bound).toEqual(sid);
  });

  it('an edge run that disagrees does not stop a freeze', () => {
    const sidEnvs = boundEnvs(boundEnv('glibc-sid', { edge: true }));
    const edgeRun = record(result(), { spec: { ...(spec('glibc') as object), env: sidEnvs.get('glibc-sid')!, compile: { env: sidEnvs.get('glibc-sid')! } } as never, mismatches: ['outcome: expected ok, observed SIGSEGV'], edge: true });
    expect(() => snapshotInput({ records: [edgeRun], notRun: [], envs: sidEnvs, checkSite: [site('glibc-sid')] }, { dockerDir, runnerVersion: 'v1', madeAt: 'now' })).not.toThrow();
  });

  it('refuses results that disagree with their manifests, naming them', () => {
    const bad = record(result(), { spec: spec('glibc'), mismatches: ['outcome: expected ok, observed exit 1'] });
    const error = caught(() => snapshotInput({ records: [bad], notRun: [], envs, checkSite: [] }, { dockerDir, runnerVersion: 'v1', madeAt: 'now' }));
    expect(error.name).toBe('FreezeRefused');
    expect(error.message).toContain('basics/hello:default@glibc');
  });

  it('an environment recipe changes with its image recipe files', () => {
    const copy = tempTree();
    cpSync(dockerDir, copy, { recursive: true });
    const before = environmentRecipe(copy, boundEnv('musl'));
    appendFileSync(join(copy, 'upstream', 'alpine-musl.Dockerfile'), '\n# changed\n');
    expect(environmentRecipe(copy, boundEnv('musl'))).not.toBe(before);
    expect(environmentRecipe(copy, boundEnv('glibc'))).toBe(environmentRecipe(dockerDir, boundEnv('glibc')));
  });
});

describe('probe entries built from frozen results', () => {
  it('carry when the snapshot was made and only their own stale runs', () => {
    const hello = probe();
    const other = probe({ id: 'basics/other' });
    const own = (p: typeof hello, envId: string) => record(result({ id: `${p.id}:default@${envId}`, probeId: p.id, envId }), { spec: { id: `${p.id}:default@${envId}`, probe: p } as never, cached: true });
    const frozen = { madeAt: '2026-11-28T10:00:00.000Z', reason: 'r', stale: { 'basics/other:default@musl': { ranAt: '2026-11-01T00:00:00.000Z', why: 'w' } } };
    const [a, b] = probeEntries([hello, other], envs, [own(hello, 'glibc'), own(other, 'musl')], [], { frozen });
    expect(a!.frozen).toEqual({ madeAt: frozen.madeAt, stale: {} });
    expect(b!.frozen).toEqual({ madeAt: frozen.madeAt, stale: frozen.stale });
    expect(probeEntries([hello], envs, [own(hello, 'glibc')])[0]!.frozen).toBeUndefined();
  });
});
