import { describe, expect, it } from 'vitest';
import { bindToolchain, parseVersion, versionProbe } from '../../src/backends/toolchain-binding.ts';
import { boundEnv } from './helpers.ts';

describe('toolchain binding', () => {
  it('keeps a version line and reports a failed version command as missing, with what it said', () => {
    expect(parseVersion('go version go1.24.4 linux/amd64')).toEqual({ version: 'go version go1.24.4 linux/amd64' });
    expect(parseVersion('missing: sh: 1: rustc: not found')).toEqual({ problem: 'sh: 1: rustc: not found' });
  });

  it('wraps a version command so that a failure prints "missing:"', () => {
    expect(versionProbe('go version')).toMatch(/^out=\$\(go version 2>&1\) && .* \|\| printf 'missing: %s\\n'/);
  });

  it('asks each toolchain in the build image and each interpreter in the run image', async () => {
    const asked: string[] = [];
    const images = {
      buildImage: { key: 'tc', tag: 'lab/tc', id: 'sha256:tc' },
      runImage: { key: 'musl-run', tag: 'lab/musl-run', id: 'sha256:musl-run' },
    };
    const bound = await bindToolchain(boundEnv('musl'), images, 'ldd', async (where, label) => {
      asked.push(`${where}:${label}`);
      if (label === 'toolchain:go') return 'go version go1.24.4 linux/amd64';
      if (label === 'toolchain:rust') return 'missing: sh: 1: rustc: not found';
      if (label === 'interpreter:python') return 'missing: sh: /usr/bin/python3: not found';
      return label === 'toolchain:python' ? 'Python 3.13.5' : 'x';
    });
    expect(asked).toContain('build:toolchain:go');
    expect(asked).toContain('run:interpreter:python');
    expect(bound.buildImage.id).toBe('sha256:tc');
    expect(bound.toolchains).toEqual({ go: 'go version go1.24.4 linux/amd64', python: 'Python 3.13.5' });
    expect(bound.toolchainProblems?.rust).toBe('sh: 1: rustc: not found');
    expect(bound.interpreters).toEqual({});
  });
});
