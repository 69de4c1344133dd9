import { describe, expect, it } from 'vitest';
import { planRuns, type PlanFilter } from '../../src/runner/plan.ts';
import type { Probe } from '../../src/manifest/probe.ts';
import { boundEnv, boundEnvs, probe, variant } from './helpers.ts';

const plan = (probes: Probe[], filter?: PlanFilter, runnerVersion = '1') => planRuns(probes, boundEnvs(), runnerVersion, filter);
/** The run key of the first run of a one-probe plan. */
const key = (p: Probe) => plan([p])[0]!.key;

describe('planRuns', () => {
  it('plans one run per variant and environment', () => {
    const runs = plan([probe({ variants: [variant({ id: 'a' }), variant({ id: 'b' })] })]);
    expect(runs.map((r) => r.id)).toEqual([
      'basics/hello:a@glibc', 'basics/hello:a@musl', 'basics/hello:b@glibc', 'basics/hello:b@musl',
    ]);
  });

  it('compiles a compileIn variant with the other environment\'s image and compiler', () => {
    const [run] = plan([probe({ variants: [variant({ compileIn: 'glibc', environments: ['musl'] })] })]);
    expect(run!.env.id).toBe('musl');
    expect(run!.compile.env.buildImage.id).toBe('sha256:glibc-build');
    expect(run!.compile.command[0]).toBe('glibc-cc');
  });

  it('builds the compiler command from the source file name and flags', () => {
    const [run] = plan([probe({ variants: [variant({ flags: ['-O2'], ldflags: ['-lm'] })] })]);
    expect(run!.compile.command).toEqual(['glibc-cc', '-O2', '-o', '/out/hello', 'hello.c', '-lm']);
  });

  it('shares one compile between runs with identical compile inputs', () => {
    const runs = plan([probe({ variants: [variant({ id: 'a', args: ['1'] }), variant({ id: 'b', args: ['2'] })] })]);
    const glibc = runs.filter((r) => r.env.id === 'glibc');
    expect(glibc[0]!.compile.key).toBe(glibc[1]!.compile.key);
    expect(glibc[0]!.compile).toBe(glibc[1]!.compile);
  });
});

describe('planRuns: the run key changes when the result can change', () => {
  const base = probe({ includes: [{ path: 'util.h', content: '#define N 1\n' }] });

  it.each([
    ['the source changes', probe({ ...base, source: 'int main(void) { return 1; }\n' })],
    ['an included header changes', probe({ ...base, includes: [{ path: 'util.h', content: '#define N 2\n' }] })],
    ['the arguments change', probe({ ...base, variants: [variant({ args: ['--big'] })] })],
    ['the compiler flags change', probe({ ...base, variants: [variant({ flags: ['-O2'] })] })],
    ['the limits change', probe({ ...base, variants: [variant({ limits: { ...variant().limits, memoryMb: 64 } })] })],
  ])('when %s', (_what, changed) => {
    expect(key(changed)).not.toBe(key(base));
  });

  it('when the run image id changes', () => {
    const before = planRuns([base], boundEnvs(boundEnv('glibc')), '1')[0]!.key;
    const after = planRuns([base], boundEnvs(boundEnv('glibc', { runImage: { key: 'k', tag: 't', id: 'sha256:new' } })), '1')[0]!.key;
    expect(after).not.toBe(before);
  });

  it('when the runner version changes', () => {
    expect(plan([base], {}, '2')[0]!.key).not.toBe(plan([base], {}, '1')[0]!.key);
  });
});

describe('planRuns: the run key does not change for edits that cannot change the result', () => {
  const base = probe({ source: 'int main(void) {\n  return 0;\n}\n' });

  it('ignores CRLF line endings and trailing spaces', () => {
    expect(key(probe({ ...base, source: 'int main(void) {  \r\n  return 0;\t\r\n}\r\n' }))).toBe(key(base));
  });

  it('ignores the title, description and expectations (prose edits never re-run)', () => {
    const edited = probe({
      ...base, title: 'New title', description: 'New words.',
      variants: [variant({ label: 'renamed', expect: { glibc: { outcome: 'exit', exitCode: 3 } } })],
    });
    expect(key(edited)).toBe(key(base));
  });
});

describe('planRuns: filters', () => {
  const probes = [
    probe({ id: 'thread-stack/sweep', variants: [variant({ id: 'small' }), variant({ id: 'big' })] }),
    probe({ id: 'basics/hello' }),
  ];
  const ids = (filter: PlanFilter) => plan(probes, filter).map((r) => r.id);

  it('--only a probe id selects that probe', () => {
    expect(ids({ only: ['basics/hello'] })).toEqual(['basics/hello:default@glibc', 'basics/hello:default@musl']);
  });

  it('--only "probe:variant" selects one variant', () => {
    expect(ids({ only: ['thread-stack/sweep:big'] })).toEqual(['thread-stack/sweep:big@glibc', 'thread-stack/sweep:big@musl']);
  });

  it('--only a topic selects every probe under it', () => {
    expect(ids({ only: ['thread-stack'] })).toHaveLength(4);
  });

  it('envs keeps only runs in those environments', () => {
    expect(ids({ envs: ['musl'] }).every((id) => id.endsWith('@musl'))).toBe(true);
    expect(ids({ envs: ['musl'] })).toHaveLength(3);
  });
});

describe('planRuns: what runs', () => {
  it('runs the program by its path under /probe, with the variant\'s arguments', () => {
    const [run] = plan([probe({ variants: [variant({ args: ['a b'] })] })]);
    expect(run!.argv).toEqual(['/probe/hello', 'a b']);
  });

  it('substitutes {probe} and {dir} in a variant command and appends the arguments', () => {
    const [run] = plan([probe({ variants: [variant({ command: ['ld.so', '--library-path', '{dir}', '{probe}'], args: ['x'] })] })]);
    expect(run!.argv).toEqual(['ld.so', '--library-path', '/probe', '/probe/hello', 'x']);
  });

  it('gives a command its own key: same binary, different run', () => {
    const a = plan([probe({ variants: [variant({ command: ['file', '{probe}'] })] })])[0]!;
    const b = plan([probe()])[0]!;
    expect(a.compile.key).toBe(b.compile.key);
    expect(a.key).not.toBe(b.key);
  });

  it('passes a build script its settings as variables', () => {
    const p = probe({ build: { kind: 'script', script: 'build.sh', inputs: [{ path: 'build.sh', content: '' }] }, variants: [variant({ flags: ['-O2'] })] });
    expect(plan([p])[0]!.compile.command).toEqual(['env', 'CC=glibc-cc', 'CFLAGS=-O2', 'LDFLAGS=', 'NAME=hello', 'OUT=/out', 'sh', '-eu', 'build.sh']);
  });

  it('re-keys a script build when one of its inputs changes', () => {
    const withInput = (content: string) => probe({ build: { kind: 'script', script: 'build.sh', inputs: [{ path: 'lib.c', content }] } });
    expect(key(withInput('int a;'))).not.toBe(key(withInput('int b;')));
  });

  it('fetches an npm program once for every environment', () => {
    const p = probe({ source: '', sourcePath: '', build: { kind: 'npm', package: '@x/y', version: '1.0.0', bin: 'bin/y' }, program: 'bin/y' });
    const runs = plan([p]);
    expect(runs.map((r) => r.argv[0])).toEqual(['/probe/bin/y', '/probe/bin/y']);
    expect(runs[0]!.compile.key).toBe(runs[1]!.compile.key);
    expect(runs[0]!.compile.command).toEqual(['npm', 'pack', '@x/y@1.0.0']);
  });
});
