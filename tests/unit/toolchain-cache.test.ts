import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolchainCacheBind } from '../../src/backends/lab-run-result.ts';
import type { CompileSpec } from '../../src/runner/plan.ts';
import { boundEnv, probe } from './helpers.ts';

const spec = (toolchain: 'go' | 'rust' | undefined, version = 'go version go1.24.4 linux/amd64', image = 'sha256:build'): CompileSpec =>
  ({ key: 'k', env: boundEnv('glibc-trixie', { buildImage: { key: 'b', tag: 't', id: image } }), probe: probe({ toolchain }), flags: [], ldflags: [], command: [], toolchain: toolchain ? version : undefined }) as unknown as CompileSpec;

describe('the build cache a toolchain keeps between builds', () => {
  it('Go builds get a host folder where GOCACHE points; C and Rust builds none', () => {
    const cache = mkdtempSync(join(tmpdir(), 'tc-cache-'));
    const bind = toolchainCacheBind(spec('go'), cache)!;
    expect(bind.dest).toBe('/tmp/go-cache');
    expect(bind.src.startsWith(join(cache, 'toolchain-cache'))).toBe(true);
    expect(existsSync(bind.src)).toBe(true);
    expect(toolchainCacheBind(spec(undefined), cache)).toBeUndefined();
    expect(toolchainCacheBind(spec('rust', 'rustc 1.85.0'), cache)).toBeUndefined();
  });

  it('one folder per Go version and build image: a new Go or a new image starts afresh', () => {
    const cache = mkdtempSync(join(tmpdir(), 'tc-cache-'));
    const a = toolchainCacheBind(spec('go'), cache)!.src;
    expect(toolchainCacheBind(spec('go'), cache)!.src).toBe(a);
    expect(toolchainCacheBind(spec('go', 'go version go1.25.0 linux/amd64'), cache)!.src).not.toBe(a);
    expect(toolchainCacheBind(spec('go', undefined, 'sha256:other'), cache)!.src).not.toBe(a);
  });
});
