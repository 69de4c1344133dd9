import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileOnce } from '../../src/backends/compile-cache.ts';
import type { CompileSpec } from '../../src/runner/plan.ts';
import type { RawRun } from '../../src/backends/lab-run-result.ts';

const spec = { key: 'k1', probe: { program: 'hello' } } as unknown as CompileSpec;
const raw = (o: Partial<RawRun>): RawRun => ({ stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), statusCode: 0, timedOut: false, truncated: false, oomKilled: false, totalMs: 5, ...o });
const never = () => {};

describe('the compile cache', () => {
  it('keeps a failed compile: the next run reuses it without compiling', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'compile-cache-'));
    let calls = 0;
    const failing = async () => (calls++, raw({ statusCode: 1, stderr: Buffer.from('error: nope\n') }));
    await compileOnce(cache, spec, failing, never);
    const again = await compileOnce(cache, spec, failing, never);
    expect(calls).toBe(1);
    expect(again).toMatchObject({ ok: false, cached: true });
  });

  it('tries a compile that timed out again instead of reusing it', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'compile-cache-'));
    const first = await compileOnce(cache, spec, async () => raw({ statusCode: null, timedOut: true }), never);
    expect(first).toMatchObject({ ok: false, exitCode: 124 });
    const second = await compileOnce(cache, spec, async (out) => (writeFileSync(join(out, 'hello'), ''), raw({})), never);
    expect(second).toMatchObject({ ok: true, cached: false });
  });
});
