import { describe, expect, it } from 'vitest';
import { loadManifest, loadProbes } from '../../src/manifest/load.ts';
import { defaultLimits } from '../../src/manifest/probe.ts';
import { caught, tempTree } from './helpers.ts';

const envs = ['glibc', 'musl'];
const source = 'int main(void) { return 0; }\n';

/** Loads basics/hello.probe.json whose content is `manifest` (an object, or raw text). */
function load(manifest: unknown, extra: Record<string, string> = {}) {
  const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  const dir = tempTree({ 'basics/hello.c': source, 'basics/hello.probe.json': text, ...extra });
  return loadManifest(dir, 'basics/hello.probe.json', envs);
}

describe('loadManifest: a valid manifest', () => {
  it('takes its id from the folder and file name', () => {
    expect(load({ title: 'Hello' }).id).toBe('basics/hello');
  });

  it('has one variant "default" when none are given', () => {
    expect(load({ title: 'Hello' }).variants.map((v) => v.id)).toEqual(['default']);
  });

  it('fills in the default limits and keeps the ones given', () => {
    const [v] = load({ title: 'Hello', limits: { timeoutMs: 500 } }).variants;
    expect(v!.limits).toEqual({ ...defaultLimits, timeoutMs: 500 });
  });

  it('runs in every known environment by default', () => {
    expect(load({ title: 'Hello' }).variants[0]!.environments).toEqual(envs);
  });

  it('puts the probe flags before the variant flags', () => {
    const p = load({ title: 'Hello', compile: { flags: ['-O2'] }, variants: [{ id: 'a', compile: { flags: ['-pthread'] } }] });
    expect(p.variants[0]!.flags).toEqual(['-O2', '-pthread']);
  });

  it('lets a variant expectation override the probe one for the same environment', () => {
    const p = load({
      title: 'Hello',
      expect: { glibc: { outcome: 'ok' }, musl: { outcome: 'ok' } },
      variants: [{ id: 'a', expect: { musl: { outcome: 'signal', signal: 'SIGSEGV' } } }],
    });
    expect(p.variants[0]!.expect).toEqual({ glibc: { outcome: 'ok' }, musl: { outcome: 'signal', signal: 'SIGSEGV' } });
  });

  it('lists local headers the source includes', () => {
    const dir = tempTree({
      'basics/hello.c': '#include "util.h"\nint main(void) { return 0; }\n',
      'basics/util.h': '#define X 1\n',
      'basics/hello.probe.json': JSON.stringify({ title: 'Hello' }),
    });
    expect(loadManifest(dir, 'basics/hello.probe.json', envs).includes).toEqual([{ path: 'util.h', content: '#define X 1\n' }]);
  });
});

describe('loadManifest: an invalid manifest', () => {
  it('reports bad JSON as ManifestInvalid naming the file, with a hint', () => {
    const error = caught(() => load('{ "title": "Hello", }'));
    expect(error.name).toBe('ManifestInvalid');
    expect(error.message).toContain('c-probes/basics/hello.probe.json');
    expect(error.hint).toBeTruthy();
  });

  it.each([
    ['a missing title', {}, 'title:'],
    ['an uppercase variant id', { title: 'T', variants: [{ id: 'Big' }] }, 'variants[0].id:'],
    ['an unknown field', { title: 'T', colour: 'red' }, 'unknown field "colour"'],
    ['an invalid outcome', { title: 'T', variants: [{ id: 'a' }, { id: 'b', expect: { musl: { outcome: 'boom' } } }] }, 'variants[1].expect.musl.outcome:'],
    ['a too small timeout', { title: 'T', limits: { timeoutMs: 5 } }, 'limits.timeoutMs:'],
    ['an unknown environment', { title: 'T', environments: ['solaris'] }, 'environments[0]: unknown environment "solaris"'],
    ['an unknown compileIn', { title: 'T', variants: [{ id: 'a', compileIn: 'solaris' }] }, 'variants[0].compileIn: unknown environment "solaris"'],
    ['an unknown expect key', { title: 'T', expect: { solaris: { outcome: 'ok' } } }, 'expect.solaris: unknown environment "solaris"'],
    ['a duplicate variant id', { title: 'T', variants: [{ id: 'a' }, { id: 'a' }] }, 'variants[1].id: duplicate variant id "a"'],
  ])('names the field for %s', (_what, manifest, text) => {
    const error = caught(() => load(manifest));
    expect(error.name).toBe('ManifestInvalid');
    expect(error.message).toContain(text);
  });

  it('reports a missing C source by name, with a hint on how to fix it', () => {
    const error = caught(() => load({ title: 'T', source: 'other.c' }));
    expect(error.message).toContain('other.c does not exist');
    expect(error.hint).toContain('c-probes/basics/other.c');
  });

  it('reports a missing local header', () => {
    const error = caught(() => load({ title: 'T' }, { 'basics/hello.c': '#include "gone.h"\nint main(void) { return 0; }\n' }));
    expect(error.message).toContain('missing header(s) gone.h');
  });
});

describe('loadProbes', () => {
  it('loads every manifest under the folder, sorted', () => {
    const dir = tempTree({
      'b/two.c': source, 'b/two.probe.json': '{"title":"Two"}',
      'a/one.c': source, 'a/one.probe.json': '{"title":"One"}',
    });
    expect(loadProbes(dir, envs).map((p) => p.id)).toEqual(['a/one', 'b/two']);
  });

  it('rejects two manifests with the same id as ProbeIdDuplicate naming both files', () => {
    const dir = tempTree({
      'a/one.c': source, 'a/one.probe.json': '{"title":"One","id":"same/id"}',
      'b/two.c': source, 'b/two.probe.json': '{"title":"Two","id":"same/id"}',
    });
    const error = caught(() => loadProbes(dir, envs));
    expect(error.name).toBe('ProbeIdDuplicate');
    expect(error.message).toContain('c-probes/a/one.probe.json');
    expect(error.message).toContain('c-probes/b/two.probe.json');
  });
});

describe('opt-in environments', () => {
  it('a probe that names no environments runs only in the default ones', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { loadManifest } = await import('../../src/manifest/load.ts');
    const dir = mkdtempSync(join(tmpdir(), 'musl-lab-optin-'));
    mkdirSync(join(dir, 't'));
    writeFileSync(join(dir, 't', 'p.c'), 'int main(void) { return 0; }\n');
    writeFileSync(join(dir, 't', 'p.probe.json'), '{ "title": "p" }');
    const probe = loadManifest(dir, 't/p.probe.json', ['glibc', 'musl', 'glibc-stock'], 'c-probes', ['glibc', 'musl']);
    expect(probe.variants[0]!.environments).toEqual(['glibc', 'musl']);
  });
});

describe('loadManifest: build scripts, commands and npm programs', () => {
  it('reads a build script and its inputs, so that editing them changes the key', () => {
    const p = load({ title: 'T', compile: { script: 'build.sh', inputs: ['lib.c'] } }, { 'basics/build.sh': 'true\n', 'basics/lib.c': 'int f;\n' });
    expect(p.build).toEqual({ kind: 'script', script: 'build.sh', inputs: [{ path: 'build.sh', content: 'true\n' }, { path: 'lib.c', content: 'int f;\n' }] });
    expect(p.program).toBe('hello');
  });

  it('names a missing script input by its field', () => {
    const error = caught(() => load({ title: 'T', compile: { script: 'build.sh', inputs: ['gone.c'] } }, { 'basics/build.sh': 'true\n' }));
    expect(error.message).toContain('compile.inputs[0]: gone.c does not exist next to the manifest');
  });

  it('refuses inputs without a script, and paths that leave the folder', () => {
    expect(caught(() => load({ title: 'T', compile: { inputs: ['lib.c'] } }, { 'basics/lib.c': '' })).message).toContain('"compile.script" is not set');
    expect(caught(() => load({ title: 'T', compile: { script: '../x.sh' } })).message).toContain('compile.script');
  });

  it('keeps a variant command', () => {
    const p = load({ title: 'T', variants: [{ id: 'a', command: ['readelf', '-lW', '{probe}'] }] });
    expect(p.variants[0]!.command).toEqual(['readelf', '-lW', '{probe}']);
  });

  it('takes an npm program without a C source', () => {
    const dir = tempTree({ 'npm/esbuild.probe.json': JSON.stringify({ title: 'T', npm: { package: '@esbuild/linux-x64', version: '0.25.0', bin: 'bin/esbuild' } }) });
    const p = loadManifest(dir, 'npm/esbuild.probe.json', envs);
    expect(p.build).toEqual({ kind: 'npm', package: '@esbuild/linux-x64', version: '0.25.0', bin: 'bin/esbuild' });
    expect(p.program).toBe('bin/esbuild');
    expect(p.source).toBe('');
  });

  it('refuses a version range, and compile settings on an npm program', () => {
    expect(caught(() => load({ title: 'T', npm: { package: 'x', version: '^1.0.0', bin: 'x' } })).message).toContain('npm.version');
    const error = caught(() => load({ title: 'T', npm: { package: 'x', version: '1.0.0', bin: 'x' }, compile: { flags: ['-O2'] } }));
    expect(error.message).toContain('npm: a probe fetched from npm has nothing to compile');
  });
});

describe('loadManifest: expectations by libc version', () => {
  const versioned = ['glibc-bookworm', 'glibc-trixie', 'musl-bookworm', 'musl-trixie'];
  const loadV = (manifest: unknown) => {
    const dir = tempTree({ 'basics/hello.c': source, 'basics/hello.probe.json': JSON.stringify(manifest) });
    return loadManifest(dir, 'basics/hello.probe.json', versioned);
  };

  it('accepts family keys, range keys with their change, and versioned ids with their change', () => {
    const p = loadV({
      title: 'T',
      expect: {
        musl: { outcome: 'ok' },
        'musl<1.2.4': { outcome: 'exit', change: 'musl 1.2.4 WHATSNEW: added TCP fallback' },
        'glibc-bookworm': { outcome: 'exit', change: 'glibc 2.38 NEWS: strlcpy added' },
      },
    });
    expect(Object.keys(p.variants[0]!.expect)).toEqual(['musl', 'musl<1.2.4', 'glibc-bookworm']);
  });

  it('expands a family in "environments" to each of its versions', () => {
    expect(loadV({ title: 'T', environments: ['musl'] }).variants[0]!.environments).toEqual(['musl-bookworm', 'musl-trixie']);
  });

  it('refuses a range without the change that explains it, naming the file and field', () => {
    const error = caught(() => loadV({ title: 'T', expect: { 'musl<1.2.4': { outcome: 'ok' } } }));
    expect(error.message).toContain('c-probes/basics/hello.probe.json');
    expect(error.message).toContain('expect.musl<1.2.4.change: a version range needs "change"');
  });

  it('refuses a one-version key without its change', () => {
    expect(caught(() => loadV({ title: 'T', expect: { 'musl-bookworm': { outcome: 'ok' } } })).message).toContain('expect.musl-bookworm.change');
  });

  it('refuses a malformed range and overlapping ranges', () => {
    expect(caught(() => loadV({ title: 'T', expect: { 'musl<1.x': { outcome: 'ok', change: 'musl 1.2.4 WHATSNEW' } } })).message).toContain('is not a version range');
    const overlap = caught(() =>
      loadV({ title: 'T', expect: { 'musl<1.2.5': { outcome: 'ok', change: 'musl 1.2.5 WHATSNEW' }, 'musl>=1.2.4': { outcome: 'exit', change: 'musl 1.2.4 WHATSNEW' } } }),
    );
    expect(overlap.message).toContain('variants[0].expect: the ranges "musl<1.2.5" and "musl>=1.2.4" overlap');
  });
});

describe('loadManifest: Go, Rust and Python probes', () => {
  const files = { 'basics/hello.go': 'package main\nfunc main() {}\n', 'basics/build.sh': 'go build -o "$OUT/$NAME" "$NAME.go"\n' };

  it('defaults the source to the toolchain\'s extension and keeps compile.env per variant', () => {
    const p = load({ title: 'Go', toolchain: 'go', compile: { script: 'build.sh', env: { CGO_ENABLED: '1' } }, variants: [{ id: 'a', compile: { env: { CGO_ENABLED: '0' } } }] }, files);
    expect(p.toolchain).toBe('go');
    expect(p.sourcePath).toBe('basics/hello.go');
    expect(p.program).toBe('hello');
    expect(p.variants[0]!.buildEnv).toEqual({ CGO_ENABLED: '0' });
  });

  it('refuses a toolchain probe without a build script, naming the fix', () => {
    const error = caught(() => load({ title: 'Go', toolchain: 'go' }, files));
    expect(error.message).toMatch(/toolchain: a Go probe is built by its build script, but "compile.script" is not set/);
    expect(error.hint).toMatch(/"script": "build.sh"/);
  });

  it('refuses a .go source without "toolchain"', () => {
    const error = caught(() => load({ title: 'Go', source: 'hello.go' }, files));
    expect(error.message).toMatch(/source: hello.go is not C, and "toolchain" is not set/);
  });
});
