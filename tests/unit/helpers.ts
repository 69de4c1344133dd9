/** Small builders shared by the unit tests (not a test file itself). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { LabError } from '../../src/errors/lab-error.ts';
import { defaultLimits, type Probe, type ResolvedVariant } from '../../src/manifest/probe.ts';
import type { BoundEnvironment, RunSpec } from '../../src/runner/plan.ts';
import type { Result } from '../../src/runner/result.ts';
import type { RunRecord } from '../../src/session/run.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder holding `files` (path → text), removed after the test. */
export function tempTree(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'musl-lab-unit-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function variant(over: Partial<ResolvedVariant> = {}): ResolvedVariant {
  return {
    id: 'default', label: 'default', args: [], stdin: '', env: {}, flags: [], ldflags: [], buildEnv: {},
    environments: ['glibc', 'musl'], expect: {}, compareVersions: 'output', limits: { ...defaultLimits }, ...over,
  };
}

export function probe(over: Partial<Probe> = {}): Probe {
  return {
    id: 'basics/hello', title: 'Hello', description: '', manifestFile: 'c-probes/basics/hello.probe.json',
    sourcePath: 'basics/hello.c', source: 'int main(void) { return 0; }\n', includes: [], exclusive: false,
    build: { kind: 'cc' }, program: 'hello', check: false,
    variants: [variant()], ...over,
  };
}

export function boundEnv(id: string, over: Partial<BoundEnvironment> = {}): BoundEnvironment {
  return {
    id, backend: 'docker', imageSource: 'upstream', distro: `${id} distro`, cc: `${id}-cc`,
    buildImage: { key: `${id}-build`, tag: `lab/${id}-build`, id: `sha256:${id}-build` },
    runImage: { key: `${id}-run`, tag: `lab/${id}-run`, id: `sha256:${id}-run` },
    libc: `${id} 1.0`, compiler: `${id}-cc 13`, ...over,
  };
}

export function boundEnvs(...list: BoundEnvironment[]): Map<string, BoundEnvironment> {
  const all = list.length > 0 ? list : [boundEnv('glibc'), boundEnv('musl')];
  return new Map(all.map((e) => [e.id, e]));
}

/** A minimal Result that satisfies resultSchema. */
export function result(over: Partial<Result> = {}): Result {
  return {
    schemaVersion: 1, id: 'basics/hello:default@glibc', probeId: 'basics/hello', variantId: 'default',
    envId: 'glibc', compileEnvId: 'glibc', key: 'ab'.repeat(32), argv: ['/probe/hello'],
    outcome: { kind: 'ok', exitCode: 0 }, stdout: '', stderr: '', outputLossy: false,
    compile: { ok: true, exitCode: 0, diagnostics: '', durationMs: 100 },
    durationMs: 5, totalMs: 300, timedOut: false, truncated: false, oomKilled: false,
    resources: { userUs: 1, sysUs: 1, maxRssKb: 1000 },
    provenance: {
      backend: 'docker', imageSource: 'upstream', distro: 'Ubuntu 24.04',
      buildImage: { key: 'b', tag: 'b:1', id: 'sha256:b' }, runImage: { key: 'r', tag: 'r:1', id: 'sha256:r' },
      libc: 'glibc 2.39', compiler: 'gcc 13', compileCommand: ['gcc', 'hello.c'],
      ranAt: '2025-01-01T00:00:00.000Z', runnerVersion: '1', kernel: '6.1',
    },
    ...over,
  };
}

export function record(res: Result, over: Partial<RunRecord> = {}): RunRecord {
  const spec = { id: res.id, probe: probe({ id: res.probeId }) } as unknown as RunSpec;
  return { spec, result: res, cached: false, mismatches: [], ...over };
}

/** The LabError thrown by `fn` (fails the test when nothing is thrown). */
export function caught(fn: () => unknown): LabError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    return error as LabError;
  }
  throw new Error('expected a LabError');
}
