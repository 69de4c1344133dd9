import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { frontCode, frontDecode, packCheckSite } from '../../src/frozen/check-site.ts';
import { readSnapshot, writeSnapshot, type SnapshotInput } from '../../src/frozen/snapshot.ts';
import { frozenSites } from '../../src/frozen/thaw.ts';
import { lackingCheckSite } from '../../src/frozen/staleness.ts';
import { notReadReason, publishedSite, siteData, storeFrozenSiteData, type SiteEnvironment } from '../../src/check/publish.ts';
import { publishLibrary, type PublishedLibrary } from '../../src/check/published.ts';
import { notElf } from '../../src/check/facts.ts';
import { boundEnv, caught, result, tempTree } from './helpers.ts';

const libc = publishLibrary({
  ...notElf(), isElf: true, elfClass: 'ELF64', machine: 'x86-64', type: 'DYN', soname: 'libc.so.6',
  provided: [{ name: 'puts', version: 'GLIBC_2.2.5' }, { name: 'printf', version: 'GLIBC_2.2.5' }, { name: '__libc_start_main', version: 'GLIBC_2.34' }],
  versionDefs: ['GLIBC_2.2.5', 'GLIBC_2.34'],
});
const libm = publishLibrary({ ...notElf(), isElf: true, elfClass: 'ELF64', machine: 'x86-64', type: 'DYN', soname: 'libm.so.6', needed: ['libc.so.6'], provided: [{ name: 'sin' }, { name: 'sinf' }] });
const hashC = 'c'.repeat(20);
const hashM = 'd'.repeat(20);

/** An environment holding libc (shared by every environment here) and, when asked, libm. */
function site(id: string, withLibm = false): SiteEnvironment {
  return {
    env: {
      id, label: `${id} label`, family: 'glibc', libc: 'glibc 2.41', distro: 'test', machine: 'Advanced Micro Devices X86-64',
      search: { cache: [['libc.so.6', '/lib/x86_64-linux-gnu/libc.so.6']], muslPath: null },
      dirs: { '/lib/x86_64-linux-gnu': '/usr/lib/x86_64-linux-gnu' },
      files: { '/usr/lib/x86_64-linux-gnu': { 'libc.so.6': hashC, ...(withLibm ? { 'libm.so.6': hashM } : {}) } },
    },
    libraries: { [hashC]: libc, ...(withLibm ? { [hashM]: libm } : {}) },
  };
}

const input = (checkSite: SiteEnvironment[]): SnapshotInput => ({
  madeAt: '2026-11-28T10:00:00.000Z', runnerVersion: 'v1',
  environments: checkSite.map((s) => ({ bound: boundEnv(s.env.id), recipe: 'r' })),
  runs: [{ result: result() }], notRun: [], checkSite,
});

const files = (dir: string, sub: string) => (existsSync(join(dir, 'check-site', sub)) ? readdirSync(join(dir, 'check-site', sub)).sort() : []);

describe('front-coded symbol names', () => {
  it('give back exactly the names, in their order, whatever they share', () => {
    const names = ['_ZNSt6vectorIiE9push_backEi', '_ZNSt6vectorIiE9push_backERKi', '_ZNSt6vectorIiEC1Ev', 'a', 'a', 'ab', '', 'b:2', '12:x', 'é😀x', 'é😁y'];
    const coded = frontCode(names);
    expect(frontDecode(coded)).toEqual(names);
    expect(coded.slice(0, 3)).toEqual(['0:_ZNSt6vectorIiE9push_backEi', '26:RKi', '15:C1Ev']);
    // A shared prefix never ends inside a surrogate pair: each stored rest is a well-formed string.
    expect(coded.at(-1)).toBe('1:😁y');
  });

  it('an empty list is an empty list, and an entry that is not "<n>:<rest>" within the previous name is refused', () => {
    expect(frontCode([])).toEqual([]);
    expect(frontDecode([])).toEqual([]);
    expect(frontDecode(['puts'])).toBeUndefined();
    expect(frontDecode(['0:ab', '3:c'])).toBeUndefined();
  });
});

describe('check-site data in the snapshot', () => {
  it('stores each library once, however many environments hold it', () => {
    const stored = packCheckSite([site('glibc-a', true), site('glibc-b')]);
    expect([...stored.libFiles.keys()].sort()).toEqual([hashC, hashM]);
    expect(Object.keys(stored.environments)).toEqual(['glibc-a', 'glibc-b']);
    expect(stored.envFiles.size).toBe(2);
  });

  it('the same data gives the same bytes, in whatever order the environments come', () => {
    const dir = tempTree();
    writeSnapshot(dir, input([site('glibc-a', true), site('glibc-b')]));
    const bytes = (d: string) => ['env', 'lib'].flatMap((sub) => files(d, sub).map((f) => [f, readFileSync(join(d, 'check-site', sub, f), 'utf8')]));
    const first = { files: bytes(dir), index: readFileSync(join(dir, 'index.json'), 'utf8') };
    const other = tempTree();
    writeSnapshot(other, input([site('glibc-b'), site('glibc-a', true)]));
    expect(bytes(other)).toEqual(first.files);
    expect(readFileSync(join(other, 'index.json'), 'utf8')).toBe(first.index);
  });

  it('reads back what was frozen, the libraries\' JSON the same bytes as the cache held', () => {
    const dir = tempTree();
    const sites = [site('glibc-a', true), site('glibc-b')];
    writeSnapshot(dir, input(sites));
    const read = readSnapshot(dir).checkSite;
    expect([...read.keys()]).toEqual(['glibc-a', 'glibc-b']);
    for (const s of sites) {
      const back = read.get(s.env.id)!;
      expect(JSON.stringify(back.env)).toBe(JSON.stringify(s.env));
      expect(JSON.stringify(back.libraries)).toBe(JSON.stringify(s.libraries));
    }
  });

  it('writing again removes the files nothing names', () => {
    const dir = tempTree();
    writeSnapshot(dir, input([site('glibc-a', true), site('glibc-b')]));
    writeSnapshot(dir, input([site('glibc-b')]));
    expect(files(dir, 'lib')).toEqual([`${hashC}.json`]);
    expect(files(dir, 'env')).toHaveLength(1);
    expect([...readSnapshot(dir).checkSite.keys()]).toEqual(['glibc-b']);
  });

  it('an environment whose listing names a library it does not hold is not frozen', () => {
    const broken = site('glibc-a');
    broken.libraries = {};
    expect(() => packCheckSite([broken])).toThrow(/glibc-a lists library c{20} and does not hold its facts/);
  });

  it('a damaged library file is refused by name, with the field and the fix', () => {
    const dir = tempTree();
    writeSnapshot(dir, input([site('glibc-a', true)]));
    const path = join(dir, 'check-site', 'lib', `${hashC}.json`);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as PublishedLibrary;
    writeFileSync(path, JSON.stringify({ ...stored, symbols: { 'GLIBC_2.2.5': ['9:printf'] } }));
    const error = caught(() => readSnapshot(dir));
    expect(error).toMatchObject({ name: 'FrozenSnapshotInvalid', file: path });
    expect(error.message).toMatch(/symbols\.GLIBC_2\.2\.5: an entry is not "<shared length>:<rest>"/);
    expect(error.hint).toMatch(/npm run freeze/);
    writeFileSync(path, '{"isElf": tr');
    expect(caught(() => readSnapshot(dir))).toMatchObject({ name: 'FrozenSnapshotInvalid', file: path });
    rmSync(path);
    expect(caught(() => readSnapshot(dir)).message).toMatch(/the index names this file, and it is missing/);
  });

  it('an environment file whose bytes changed is refused by name, though it still parses', () => {
    const dir = tempTree();
    writeSnapshot(dir, input([site('glibc-a')]));
    const [name] = files(dir, 'env');
    const path = join(dir, 'check-site', 'env', name!);
    writeFileSync(path, readFileSync(path, 'utf8').replace('glibc 2.41', 'glibc 2.42'));
    const error = caught(() => readSnapshot(dir));
    expect(error).toMatchObject({ name: 'FrozenSnapshotInvalid', file: path });
    expect(error.message).toMatch(/do not hash to its name/);
  });

  it('a snapshot made before check-site data was kept still reads, with none', () => {
    const dir = tempTree();
    writeSnapshot(dir, input([site('glibc-a')]));
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    delete index.checkSite;
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
    expect(readSnapshot(dir).checkSite.size).toBe(0);
  });
});

describe('a build from the snapshot', () => {
  const snapshot = (checkSite: SiteEnvironment[]) => ({
    index: { madeAt: '2026-11-28T10:00:00.000Z', environments: { 'glibc-a': { recipe: 'r' }, 'glibc-b': { recipe: 'r' } } } as never,
    checkSite: new Map(checkSite.map((s) => [s.env.id, s])),
  });
  const same = () => 'r';

  it('publishes an environment whose recipe is unchanged as it was frozen, and names one it lacks', () => {
    const sites = frozenSites(snapshot([site('glibc-a')]), ['glibc-a', 'glibc-b', 'musl-new'], same, false);
    expect(sites.get('glibc-a')).toEqual({ site: site('glibc-a') });
    expect(sites.get('glibc-b')).toEqual({ absent: 'the frozen results of 2026-11-28 lack it' });
    expect(sites.get('musl-new')).toEqual({ absent: 'the frozen results of 2026-11-28 lack it' });
  });

  it('a changed recipe: published and marked stale with MUSL_LAB_ALLOW_STALE, else left out with why', () => {
    const changed = (id: string) => (id === 'glibc-a' ? 'r2' : 'r');
    expect(frozenSites(snapshot([site('glibc-a')]), ['glibc-a'], changed, true).get('glibc-a')).toEqual({
      site: site('glibc-a'), stale: 'this data was read on 2026-11-28, and since then the recipe of environment glibc-a changed',
    });
    expect(frozenSites(snapshot([site('glibc-a')]), ['glibc-a'], changed, false).get('glibc-a')).toEqual({
      absent: 'the frozen results of 2026-11-28 hold it for an older recipe of this environment',
    });
  });

  it('what it stores in the cache is what the page publishes: data, stale marks and reasons', () => {
    const cache = tempTree();
    // An older read of this machine is replaced: the build publishes the snapshot's data only.
    storeFrozenSiteData(cache, new Map([['glibc-b', { site: site('glibc-b', true) }]]));
    storeFrozenSiteData(cache, new Map<string, Parameters<typeof storeFrozenSiteData>[1] extends Map<string, infer F> ? F : never>([
      ['glibc-a', { site: site('glibc-a'), stale: 'old' }],
      ['glibc-b', { absent: 'the frozen results of 2026-11-28 lack it' }],
    ]));
    const data = siteData(cache);
    expect(data.environments).toEqual([{ ...site('glibc-a'), stale: 'old' }]);
    const published = publishedSite(data, [{ id: 'glibc-b', label: 'B' }, { id: 'glibc-a', label: 'A' }, { id: 'musl', label: 'M' }]);
    expect(published.environments.map((e) => e.env.id)).toEqual(['glibc-a']);
    expect(published.missing).toEqual([
      { id: 'glibc-b', label: 'B', reason: 'the frozen results of 2026-11-28 lack it' },
      { id: 'musl', label: 'M', reason: notReadReason },
    ]);
  });
});

describe('freeze --check and the end-of-run note', () => {
  it('name the environments a snapshot holds without check-site data', () => {
    const environments = { b: {}, a: {}, c: {} } as never;
    expect(lackingCheckSite({ environments, checkSite: { a: 'x' } })).toEqual(['b', 'c']);
    expect(lackingCheckSite({ environments })).toEqual(['a', 'b', 'c']);
  });
});

describe('a run\'s check-binary verdict in the snapshot', () => {
  it('reads back whole, its failure class included: the page takes the words of each failure from it', () => {
    const dir = tempTree();
    const check = { env: 'glibc', verdict: 'fails' as const, reasons: ['interpreter /lib/ld-musl-x86_64.so.1 does not exist'], symptom: 'not found', failure: 'interpreter' as const };
    writeSnapshot(dir, { ...input([]), runs: [{ result: result(), check }] });
    expect(readSnapshot(dir).index.runs['basics/hello:default@glibc']!.check).toEqual(check);
  });
});

describe('the same results, the same bytes', () => {
  it('a result is written in one key order, whether it was just run or read back from the cache', () => {
    const a = tempTree();
    const b = tempTree();
    const r = result();
    const reordered = Object.fromEntries(Object.entries(r).reverse()) as typeof r;
    writeSnapshot(a, { ...input([]), runs: [{ result: r }] });
    writeSnapshot(b, { ...input([]), runs: [{ result: reordered }] });
    const file = join('results', `${r.key}.json`);
    expect(readFileSync(join(b, file), 'utf8')).toBe(readFileSync(join(a, file), 'utf8'));
  });
});
