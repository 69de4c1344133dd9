import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsFingerprint, readHandoff, writeHandoff } from '../../src/loader/handoff.ts';
import type { ProbeEntry } from '../../src/loader/probe-entry.ts';

/** A c-probes folder with one probe, and a cache folder. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'musl-lab-handoff-'));
  mkdirSync(join(dir, 'c-probes', 'topic'), { recursive: true });
  writeFileSync(join(dir, 'c-probes', 'topic', 'a.c'), 'int main(void) { return 0; }\n');
  writeFileSync(join(dir, 'c-probes', 'topic', 'a.probe.json'), '{}\n');
  return { probesDir: join(dir, 'c-probes'), cacheDir: join(dir, 'cache') };
}
const entries = [{ id: 'topic/a', results: [] }] as unknown as ProbeEntry[];

describe('the probes CLI hands its entries to the site build', () => {
  it('the loader takes them when nothing changed', () => {
    const p = project();
    writeHandoff(p.cacheDir, inputsFingerprint(p.probesDir, 'v1', {}), entries);
    const got = readHandoff(p.cacheDir, inputsFingerprint(p.probesDir, 'v1', {}));
    expect('entries' in got && got.entries).toEqual(entries);
  });

  it('not after a probe file changed', () => {
    const p = project();
    writeHandoff(p.cacheDir, inputsFingerprint(p.probesDir, 'v1', {}), entries);
    writeFileSync(join(p.probesDir, 'topic', 'a.c'), 'int main(void) { return 1; }\n');
    expect(readHandoff(p.cacheDir, inputsFingerprint(p.probesDir, 'v1', {}))).toEqual({ reason: 'probes, the runner or the backend choice changed since npm run probes' });
  });

  it('not after a probe was added, the runner version or the backend choice changed', () => {
    const p = project();
    const before = inputsFingerprint(p.probesDir, 'v1', {});
    expect(inputsFingerprint(p.probesDir, 'v2', {})).not.toBe(before);
    expect(inputsFingerprint(p.probesDir, 'v1', { MUSL_LAB_BACKEND: 'sandbox' })).not.toBe(before);
    writeFileSync(join(p.probesDir, 'topic', 'b.c'), '');
    expect(inputsFingerprint(p.probesDir, 'v1', {})).not.toBe(before);
  });

  it('not when the CLI left none', () => {
    const p = project();
    expect(readHandoff(p.cacheDir, 'x')).toEqual({ reason: 'npm run probes left no results for this build' });
  });
});
