import { describe, expect, it } from 'vitest';
import { planRuns } from '../../src/runner/plan.ts';
import { splitRunnable } from '../../src/session/run.ts';
import type { BoundEnvironment } from '../../src/runner/plan.ts';
import { boundEnv, boundEnvs, caught, probe, variant } from './helpers.ts';

const goProbe = (over = {}) =>
  probe({
    id: 'go/hello', manifestFile: 'c-probes/go/hello.probe.json', sourcePath: 'go/hello.go', source: 'package main\nfunc main() {}\n',
    build: { kind: 'script', script: 'build.sh', inputs: [{ path: 'build.sh', content: 'go build -o "$OUT/$NAME" "$NAME.go"\n' }] },
    toolchain: 'go', program: 'hello', ...over,
  });

/** An environment whose toolchain binding has these toolchain and interpreter versions. */
function withToolchain(id: string, toolchains: BoundEnvironment['toolchains'], interpreters: BoundEnvironment['interpreters'] = {}): BoundEnvironment {
  const base = boundEnv(id);
  const tc = boundEnv(id, {
    buildImage: { key: 'tc-build', tag: 'lab/toolchains', id: 'sha256:tc-build' },
    runImage: { key: `${id}-tc-run`, tag: `lab/${id}-tc-run`, id: `sha256:${id}-tc-run` },
    toolchains, interpreters, toolchainProblems: { go: 'sh: 1: go: not found' },
  });
  return { ...base, toolchain: tc };
}

describe('planRuns: Go, Rust and Python probes', () => {
  it('compiles in the toolchain image and records the toolchain version', () => {
    const envs = boundEnvs(withToolchain('glibc', { go: 'go version go1.24.4 linux/amd64' }));
    const [run] = planRuns([goProbe({ variants: [variant({ environments: ['glibc'] })] })], envs, '1');
    expect(run!.compile.env.buildImage.id).toBe('sha256:tc-build');
    expect(run!.env.runImage.id).toBe('sha256:glibc-tc-run');
    expect(run!.compile.toolchain).toBe('go version go1.24.4 linux/amd64');
    expect(run!.unavailable).toBeUndefined();
  });

  it('puts the toolchain version into the key', () => {
    const plan = (v: string) => planRuns([goProbe({ variants: [variant({ environments: ['glibc'] })] })], boundEnvs(withToolchain('glibc', { go: v })), '1')[0]!;
    expect(plan('go version go1.24.4').compile.key).not.toBe(plan('go version go1.24.5').compile.key);
    expect(plan('go version go1.24.4').key).not.toBe(plan('go version go1.24.5').key);
  });

  it('passes the toolchain settings and compile.env to the build script', () => {
    const envs = boundEnvs(withToolchain('glibc', { go: 'go1' }));
    const [run] = planRuns([goProbe({ variants: [variant({ environments: ['glibc'], buildEnv: { CGO_ENABLED: '0' } })] })], envs, '1');
    expect(run!.compile.command).toContain('GOPROXY=off');
    expect(run!.compile.command).toContain('CGO_ENABLED=0');
    expect(run!.compile.command.slice(-3)).toEqual(['sh', '-eu', 'build.sh']);
  });

  it('marks a run not runnable, with the reason, where the environment has no toolchain images', () => {
    const runs = planRuns([goProbe()], boundEnvs(withToolchain('glibc', { go: 'go1' }), boundEnv('musl')), '1');
    const { runnable, notRun } = splitRunnable(runs);
    expect(runnable.map((r) => r.env.id)).toEqual(['glibc']);
    expect(notRun[0]!.reason).toMatch(/no Go toolchain is built for musl/);
  });

  it('fails with the probe, the environment and the fix when the toolchain image lacks the toolchain', () => {
    const envs = boundEnvs(withToolchain('glibc', { rust: 'rustc 1.85.0' }));
    const error = caught(() => planRuns([goProbe({ variants: [variant({ environments: ['glibc'] })] })], envs, '1'));
    expect(error.name).toBe('ToolchainMissing');
    expect(error.message).toMatch(/Probe go\/hello \(c-probes\/go\/hello\.probe\.json\) is a Go program, but environment glibc/);
    expect(error.message).toMatch(/go: not found/);
    expect(error.hint).toMatch(/golang-go/);
  });

  it('runs a Python program with the interpreter, and only where the run image has one', () => {
    const py = goProbe({ id: 'python/tags', toolchain: 'python', program: 'tags.py', sourcePath: 'python/tags.py' });
    const envs = boundEnvs(withToolchain('glibc', { python: 'Python 3.13.5' }, { python: 'Python 3.13.5' }), withToolchain('musl', { python: 'Python 3.13.5' }));
    const runs = planRuns([py], envs, '1');
    expect(runs[0]!.argv).toEqual(['/usr/bin/python3', '/probe/tags.py']);
    expect(runs[0]!.unavailable).toBeUndefined();
    expect(runs[1]!.unavailable).toMatch(/musl has no Python interpreter \(\/usr\/bin\/python3\)/);
  });
});
