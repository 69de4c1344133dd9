import { describe, expect, it } from 'vitest';
import { bytesSource, readElfBytes, type ByteSource } from '../../src/check/elf-reader.ts';

/**
 * The in-page ELF reader on tiny crafted files, one behaviour each. Real
 * binaries (agreement with GNU readelf, field by field) are in
 * tests/integration/check-in-browser-agreement.test.ts.
 */

/** A 64-bit little-endian ELF: header, program headers (interp, load, dynamic), a string table. */
function craft(over: { machine?: number; klass?: number; type?: number; interp?: string; needed?: string[]; runpath?: string; flags1?: number } = {}): Uint8Array {
  const buf = new Uint8Array(4096);
  const v = new DataView(buf.buffer);
  buf.set([0x7f, 0x45, 0x4c, 0x46, over.klass ?? 2, 1, 1]);
  v.setUint16(16, over.type ?? 3, true);
  v.setUint16(18, over.machine ?? 62, true);
  v.setBigUint64(32, 64n, true); // phoff
  v.setUint16(54, 56, true); // phentsize
  // strings at 0x800: "\0" + names
  const names = ['', ...(over.needed ?? []), ...(over.runpath ? [over.runpath] : [])];
  const offsets: number[] = [];
  let at = 0x800;
  for (const n of names) {
    offsets.push(at - 0x800);
    buf.set(new TextEncoder().encode(n), at);
    at += n.length + 1;
  }
  const ph: [number, number, number][] = []; // type, offset, size
  if (over.interp) {
    buf.set(new TextEncoder().encode(over.interp), 0x400);
    ph.push([3, 0x400, over.interp.length + 1]);
  }
  ph.push([1, 0, 4096]);
  const dyn: [number, number][] = [[5, 0x800], [10, at - 0x800]];
  (over.needed ?? []).forEach((_, i) => dyn.push([1, offsets[i + 1]!]));
  if (over.runpath) dyn.push([29, offsets.at(-1)!]);
  if (over.flags1) dyn.push([0x6ffffffb, over.flags1]);
  dyn.push([0, 0]);
  dyn.forEach(([tag, val], i) => {
    v.setBigInt64(0xc00 + i * 16, BigInt(tag), true);
    v.setBigUint64(0xc00 + i * 16 + 8, BigInt(val), true);
  });
  ph.push([2, 0xc00, dyn.length * 16]);
  ph.forEach(([type, offset, size], i) => {
    const p = 64 + i * 56;
    v.setUint32(p, type, true);
    v.setBigUint64(p + 8, BigInt(offset), true);
    v.setBigUint64(p + 16, BigInt(offset), true); // vaddr = offset
    v.setBigUint64(p + 32, BigInt(size), true);
  });
  v.setUint16(56, ph.length, true);
  return buf;
}

describe('the ELF reader', () => {
  it('reads class, machine, type, interpreter, needed libraries, run path and the PIE flag', async () => {
    const { facts, problems } = await readElfBytes(bytesSource(craft({ interp: '/lib/ld-musl-x86_64.so.1', needed: ['libc.so', 'libz.so.1'], runpath: '$ORIGIN/../lib:/opt/x', flags1: 0x08000000 })));
    expect(problems).toEqual([]);
    expect(facts).toMatchObject({
      isElf: true, elfClass: 'ELF64', machine: 'Advanced Micro Devices X86-64', type: 'DYN', pie: true,
      interpreter: '/lib/ld-musl-x86_64.so.1', needed: ['libc.so', 'libz.so.1'], runpath: ['$ORIGIN/../lib', '/opt/x'],
    });
  });

  it('names other machines as readelf does', async () => {
    expect((await readElfBytes(bytesSource(craft({ machine: 183 })))).facts.machine).toBe('AArch64');
    expect((await readElfBytes(bytesSource(craft({ machine: 3 })))).facts.machine).toBe('Intel 80386');
    expect((await readElfBytes(bytesSource(craft({ machine: 999 })))).facts.machine).toBe('<unknown>: 0x3e7');
  });

  it('reads only what it needs: a 2 GiB file costs a few small reads', async () => {
    const small = craft({ needed: ['libc.so.6'] });
    const reads: number[] = [];
    const huge: ByteSource = {
      size: 2 * 1024 ** 3,
      read: async (offset, length) => {
        reads.push(length);
        return offset < small.length ? small.subarray(offset, offset + length) : new Uint8Array(length);
      },
    };
    const { facts } = await readElfBytes(huge);
    expect(facts.needed).toEqual(['libc.so.6']);
    expect(reads.length).toBeLessThan(10);
    expect(Math.max(...reads)).toBeLessThan(4096);
  });
});

describe('bad input', () => {
  it('a text file is not ELF', async () => {
    const r = await readElfBytes(bytesSource(new TextEncoder().encode('hello world\n')));
    expect(r.facts.isElf).toBe(false);
    expect(r.script).toBeUndefined();
  });

  it('a script is not ELF, and its #! line is kept', async () => {
    const r = await readElfBytes(bytesSource(new TextEncoder().encode('#!/bin/bash\necho hi\n')));
    expect(r.facts.isElf).toBe(false);
    expect(r.script).toBe('#!/bin/bash');
  });

  it('an empty file is not ELF', async () => {
    expect((await readElfBytes(bytesSource(new Uint8Array(0)))).facts.isElf).toBe(false);
  });

  it('a file cut inside its header says it is truncated', async () => {
    const r = await readElfBytes(bytesSource(craft().subarray(0, 30)));
    expect(r.problems.join()).toMatch(/inside the ELF header: the file is truncated/);
  });

  it('a file cut before its dynamic section says where it ends', async () => {
    const r = await readElfBytes(bytesSource(craft({ needed: ['libc.so.6'] }).subarray(0, 0xc08)));
    expect(r.problems.join()).toMatch(/past the end of the file \(3080 bytes\): the file is truncated or corrupt/);
  });

  it('a corrupt identification or table size is named, not thrown', async () => {
    const badClass = craft();
    badClass[4] = 7;
    expect((await readElfBytes(bytesSource(badClass))).problems.join()).toMatch(/class byte 7/);
    const badPh = craft();
    new DataView(badPh.buffer).setUint16(54, 4, true);
    expect((await readElfBytes(bytesSource(badPh))).problems.join()).toMatch(/program header size \(4\) is too small/);
  });

  it('a 32-bit file is read as ELF32', async () => {
    const head = craft({ klass: 1 }).slice(0, 52);
    new DataView(head.buffer).setUint16(44, 0, true); // no program headers
    const r = await readElfBytes(bytesSource(head));
    expect(r.facts.elfClass).toBe('ELF32');
    expect(r.problems).toEqual([]);
  });
});
