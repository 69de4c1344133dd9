import { describe, expect, it } from 'vitest';
import { judge, isMuslReserved, type EnvironmentView, type FoundLibrary } from '../../src/check/verdict.ts';
import { disagreement } from '../../src/check/agreement.ts';
import type { ElfFacts } from '../../src/check/elf.ts';
import { highestVersions } from '../../src/check/check-binary.ts';
import { result } from './helpers.ts';

const x86 = 'Advanced Micro Devices X86-64';
const elf = (over: Partial<ElfFacts> = {}): ElfFacts => ({
  isElf: true, elfClass: 'ELF64', machine: x86, type: 'DYN', pie: true, needed: [], runpath: [],
  required: [], provided: [], versionNeeds: [], versionDefs: [], ...over,
});
const libc = elf({ type: 'DYN', pie: false, soname: 'libc.so.6', provided: [{ name: 'puts', version: 'GLIBC_2.2.5' }], versionDefs: ['GLIBC_2.2.5', 'GLIBC_2.34'] });
const env = (family: 'glibc' | 'musl', libs: Record<string, FoundLibrary> = {}, interps: string[] = ['/lib64/ld-linux-x86-64.so.2']): EnvironmentView => ({
  id: family, family, machine: x86, interpreterExists: (p) => interps.includes(p), findLibrary: (s) => libs[s],
});
const found = (soname: string, facts: ElfFacts): FoundLibrary => ({ soname, path: `/lib/${soname}`, from: 'environment', facts });
const glibcProgram = elf({ interpreter: '/lib64/ld-linux-x86-64.so.2', needed: ['libc.so.6'], required: [{ name: 'puts', version: 'GLIBC_2.2.5' }], versionNeeds: [{ file: 'libc.so.6', versions: ['GLIBC_2.2.5'] }] });

describe('judge', () => {
  it('runs a static program anywhere, and fails a program for another machine', () => {
    expect(judge('p', elf({ pie: true }), env('musl')).verdict).toBe('runs');
    expect(judge('p', elf({ machine: 'AArch64' }), env('glibc')).verdict).toBe('fails');
  });

  it('a 32-bit x86 program on x86-64: static runs (the kernel starts it), dynamic fails on its missing 32-bit loader', () => {
    const i386 = { machine: 'Intel 80386', elfClass: 'ELF32' };
    const still = judge('p', elf({ ...i386, type: 'EXEC', pie: false }), env('musl'));
    expect(still.verdict).toBe('runs');
    expect(still.reasons.join(' ')).toContain('32-bit x86 program');
    const dynamic = judge('./p', elf({ ...i386, interpreter: '/lib/ld-linux.so.2' }), env('glibc'));
    expect([dynamic.verdict, dynamic.failure]).toEqual(['fails', 'interpreter']);
    // With a 32-bit loader present the library search is not followed: no guess.
    expect(judge('./p', elf({ ...i386, interpreter: '/lib/ld-linux.so.2' }), env('glibc', {}, ['/lib/ld-linux.so.2'])).verdict).toBe('unknown');
  });

  it('fails a missing interpreter with the shell\'s "not found"', () => {
    const v = judge('./p', glibcProgram, env('musl', {}, []));
    expect(v.verdict).toBe('fails');
    expect(v.symptom).toContain('./p: not found (exit 127)');
  });

  it('fails a version the library does not define, on glibc only', () => {
    const p = elf({ ...glibcProgram, versionNeeds: [{ file: 'libc.so.6', versions: ['GLIBC_2.38'] }] });
    const v = judge('p', p, env('glibc', { 'libc.so.6': found('libc.so.6', libc) }));
    expect(v.verdict).toBe('fails');
    expect(v.symptom).toBe("version `GLIBC_2.38' not found (required by p)");
  });

  it('fails a symbol no library defines, worded per loader', () => {
    const p = elf({ ...glibcProgram, required: [{ name: '__printf_chk', version: 'GLIBC_2.3.4' }], versionNeeds: [] });
    const musl = judge('p', p, env('musl', { 'libc.so.6': { ...found('libc.so.6', elf({ provided: [{ name: 'puts' }] })), from: 'libc-itself' } }));
    expect(musl.verdict).toBe('fails');
    expect(musl.symptom).toBe('Error relocating p: __printf_chk: symbol not found');
    const glibc = judge('p', p, env('glibc', { 'libc.so.6': found('libc.so.6', libc) }));
    expect(glibc.symptom).toBe('symbol lookup error: p: undefined symbol: __printf_chk');
  });

  it('fails a library the loader cannot find', () => {
    const v = judge('p', elf({ ...glibcProgram, needed: ['libfoo.so.1'] }), env('glibc'));
    expect(v.symptom).toContain('libfoo.so.1: cannot open shared object file');
  });

  it('runs when interpreter, libraries, versions and symbols are all there', () => {
    expect(judge('p', glibcProgram, env('glibc', { 'libc.so.6': found('libc.so.6', libc) })).verdict).toBe('runs');
  });

  it('cannot say for a shared library or a non-ELF file', () => {
    expect(judge('l', elf({ pie: false }), env('glibc')).verdict).toBe('unknown');
    expect(judge('s', elf({ isElf: false }), env('glibc')).verdict).toBe('unknown');
  });
});

describe('helpers', () => {
  it('knows musl\'s reserved library names', () => {
    expect(['libc.so.6', 'libm.so.6', 'libpthread.so.0', 'libc.so'].every(isMuslReserved)).toBe(true);
    expect(isMuslReserved('libcrypto.so.3')).toBe(false);
  });

  it('keeps the highest version of each kind', () => {
    expect(highestVersions(['GLIBC_2.2.5', 'GLIBC_2.34', 'GLIBC_2.4', 'GCC_3.0', 'GCC_4.2.0'])).toEqual(['GLIBC_2.34', 'GCC_4.2.0']);
  });

  it('compares a verdict with a run: a loader refusal is "did not start"', () => {
    const refused = result({ outcome: { kind: 'exit', exitCode: 127 }, stderr: 'sh: /probe/x: not found\n' });
    expect(disagreement({ env: 'musl', verdict: 'fails', reasons: [] }, refused)).toBeNull();
    expect(disagreement({ env: 'musl', verdict: 'runs', reasons: [] }, refused)).toContain('predicted "runs"');
    expect(disagreement({ env: 'musl', verdict: 'runs', reasons: [] }, result({ outcome: { kind: 'exit', exitCode: 3 } }))).toBeNull();
  });
});
