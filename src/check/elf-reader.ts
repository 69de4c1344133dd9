import { notElf, type ElfFacts, type SymbolRef } from './facts.ts';

/**
 * Reads ElfFacts from the bytes of a file, as GNU readelf would report them
 * (tests compare the two on real files). It reads only the parts it needs —
 * header, program headers, section headers, the dynamic section, .dynsym and
 * the version sections — through `read`, so a 2 GB file costs a few reads of
 * its metadata (the browser passes File.slice). No imports beyond the types:
 * the page loads it.
 */
export interface ByteSource {
  size: number;
  read: (offset: number, length: number) => Promise<Uint8Array>;
}

export interface ElfReading {
  facts: ElfFacts;
  /** What could not be read, for a truncated or corrupt file: its facts are incomplete. */
  problems: string[];
  /** A script's first line ("#!/bin/sh"), when the file is one. */
  script?: string;
  /** An ar archive (a static library, .a): object files to link, not a program. */
  archive?: boolean;
}

/** readelf's names of the machines a reader is likely to meet (binutils 2.40, checked by a test). */
const machines: Record<number, string> = {
  0: 'None', 2: 'Sparc', 3: 'Intel 80386', 8: 'MIPS R3000', 20: 'PowerPC', 21: 'PowerPC64', 22: 'IBM S/390',
  40: 'ARM', 43: 'Sparc v9', 50: 'Intel IA-64', 62: 'Advanced Micro Devices X86-64', 183: 'AArch64', 243: 'RISC-V', 258: 'LoongArch',
};
const types: Record<number, string> = { 0: 'NONE', 1: 'REL', 2: 'EXEC', 3: 'DYN', 4: 'CORE' };

const PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3;
const DT_NEEDED = 1, DT_STRTAB = 5, DT_STRSZ = 10, DT_SONAME = 14, DT_RPATH = 15, DT_RUNPATH = 29, DT_FLAGS_1 = 0x6ffffffb;
const DF_1_PIE = 0x08000000;
const SHT_DYNSYM = 11, SHT_GNU_VERDEF = 0x6ffffffd, SHT_GNU_VERNEED = 0x6ffffffe, SHT_GNU_VERSYM = 0x6fffffff;
/** A table larger than this is not metadata but a corrupt size field. */
const maxTable = 256 * 1024 * 1024;

class Corrupt extends Error {}

interface Section { type: number; offset: number; size: number; link: number; entsize: number }
interface Segment { type: number; offset: number; vaddr: number; filesz: number }

export async function readElfBytes(source: ByteSource): Promise<ElfReading> {
  const head = await source.read(0, Math.min(source.size, 64));
  if (head.length < 4 || head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c || head[3] !== 0x46) {
    const reading: ElfReading = { facts: notElf(), problems: [] };
    if (head[0] === 0x23 && head[1] === 0x21) {
      const line = await source.read(0, Math.min(source.size, 256));
      reading.script = new TextDecoder().decode(line).split('\n')[0]!.trim();
    }
    if (new TextDecoder().decode(head.subarray(0, 8)) === '!<arch>\n') reading.archive = true;
    return reading;
  }
  const facts: ElfFacts = { ...notElf(), isElf: true };
  const problems: string[] = [];
  const bits = head[4] === 2 ? 64 : head[4] === 1 ? 32 : 0;
  const little = head[5] !== 2;
  if (bits === 0 || (head[5] !== 1 && head[5] !== 2)) {
    problems.push(`its ELF identification is invalid (class byte ${head[4]}, data byte ${head[5]}): the file is corrupt`);
    return { facts, problems };
  }
  facts.elfClass = `ELF${bits}`;
  if (head.length < (bits === 64 ? 64 : 52)) {
    problems.push(`it ends after ${source.size} bytes, inside the ELF header: the file is truncated`);
    return { facts, problems };
  }
  const h = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const u16 = (v: DataView, o: number) => v.getUint16(o, little);
  const u32 = (v: DataView, o: number) => v.getUint32(o, little);
  const word = (v: DataView, o: number) => (bits === 64 ? Number(v.getBigUint64(o, little)) : v.getUint32(o, little));
  const type = u16(h, 16);
  facts.type = types[type] ?? `0x${type.toString(16)}`;
  const machine = u16(h, 18);
  facts.machine = machines[machine] ?? `<unknown>: 0x${machine.toString(16)}`;
  const phoff = word(h, bits === 64 ? 32 : 28);
  const shoff = word(h, bits === 64 ? 40 : 32);
  const o = bits === 64 ? 54 : 42;
  const [phentsize, phnum, shentsize, shnum] = [u16(h, o), u16(h, o + 2), u16(h, o + 4), u16(h, o + 6)];

  const view = async (offset: number, size: number, what: string): Promise<DataView> => {
    if (size > maxTable) throw new Corrupt(`its ${what} claims ${size} bytes: the file is corrupt`);
    if (offset + size > source.size) throw new Corrupt(`its ${what} lies at bytes ${offset}–${offset + size}, past the end of the file (${source.size} bytes): the file is truncated or corrupt`);
    const bytes = await source.read(offset, size);
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  const text = (v: DataView, at: number) => {
    if (at >= v.byteLength) throw new Corrupt(`a name points outside its string table: the file is corrupt`);
    let end = at;
    while (end < v.byteLength && v.getUint8(end) !== 0) end++;
    return new TextDecoder().decode(new Uint8Array(v.buffer, v.byteOffset + at, end - at));
  };

  try {
    // Program headers: the interpreter, the dynamic section, and the loads that map addresses to offsets.
    const segments: Segment[] = [];
    if (phnum > 0) {
      if (phentsize < (bits === 64 ? 56 : 32)) throw new Corrupt(`its program header size (${phentsize}) is too small: the file is corrupt`);
      const ph = await view(phoff, phnum * phentsize, 'program headers');
      for (let i = 0; i < phnum; i++) {
        const at = i * phentsize;
        segments.push(
          bits === 64
            ? { type: u32(ph, at), offset: word(ph, at + 8), vaddr: word(ph, at + 16), filesz: word(ph, at + 32) }
            : { type: u32(ph, at), offset: u32(ph, at + 4), vaddr: u32(ph, at + 8), filesz: u32(ph, at + 16) },
        );
      }
    }
    const interp = segments.find((s) => s.type === PT_INTERP);
    if (interp) facts.interpreter = text(await view(interp.offset, interp.filesz, 'interpreter (PT_INTERP)'), 0);
    const fileOffset = (address: number) => {
      const load = segments.find((s) => s.type === PT_LOAD && address >= s.vaddr && address < s.vaddr + s.filesz);
      return load ? address - load.vaddr + load.offset : undefined;
    };

    const sections: Section[] = [];
    if (shoff > 0 && shnum > 0) {
      if (shentsize < (bits === 64 ? 64 : 40)) throw new Corrupt(`its section header size (${shentsize}) is too small: the file is corrupt`);
      const sh = await view(shoff, shnum * shentsize, 'section headers');
      for (let i = 0; i < shnum; i++) {
        const at = i * shentsize;
        sections.push(
          bits === 64
            ? { type: u32(sh, at + 4), offset: word(sh, at + 24), size: word(sh, at + 32), link: u32(sh, at + 40), entsize: word(sh, at + 56) }
            : { type: u32(sh, at + 4), offset: u32(sh, at + 16), size: u32(sh, at + 20), link: u32(sh, at + 24), entsize: u32(sh, at + 36) },
        );
      }
    }
    const linked = (s: Section, what: string) => {
      const l = sections[s.link];
      if (!l) throw new Corrupt(`its ${what} links to section ${s.link}, which does not exist: the file is corrupt`);
      return view(l.offset, l.size, `${what} string table`);
    };

    // The dynamic section: needed libraries, soname, run path, PIE flag.
    const dynamic = segments.find((s) => s.type === PT_DYNAMIC);
    if (dynamic) {
      const d = await view(dynamic.offset, dynamic.filesz, 'dynamic section');
      const entries: [number, number][] = [];
      const size = bits === 64 ? 16 : 8;
      for (let at = 0; at + size <= d.byteLength; at += size) {
        const tag = bits === 64 ? Number(d.getBigInt64(at, little)) : d.getInt32(at, little);
        if (tag === 0) break;
        entries.push([tag, word(d, at + size / 2)]);
      }
      const value = (tag: number) => entries.find(([t]) => t === tag)?.[1];
      const strtab = value(DT_STRTAB);
      const strOffset = strtab === undefined ? undefined : fileOffset(strtab);
      if (strOffset === undefined) throw new Corrupt('its dynamic section has no string table (DT_STRTAB) inside the file: the file is corrupt');
      const strings = await view(strOffset, Math.min(value(DT_STRSZ) ?? 0, source.size - strOffset), 'dynamic string table');
      const str = (tag: number) => entries.filter(([t]) => t === tag).map(([, v]) => text(strings, v));
      facts.needed = str(DT_NEEDED);
      facts.soname = str(DT_SONAME)[0];
      const runpath = str(DT_RUNPATH)[0] ?? str(DT_RPATH)[0];
      if (runpath !== undefined) facts.runpath = runpath.split(':').filter(Boolean);
      facts.pie = ((value(DT_FLAGS_1) ?? 0) & DF_1_PIE) !== 0;
    }

    // Version definitions (index → name) and needs (index → name, per file).
    const versionNames = { defined: new Map<number, string>(), needed: new Map<number, string>() };
    const verdef = sections.find((s) => s.type === SHT_GNU_VERDEF);
    if (verdef) {
      const [v, strings] = [await view(verdef.offset, verdef.size, 'version definitions'), await linked(verdef, 'version definitions')];
      for (let at = 0, n = 0; at + 20 <= v.byteLength && n < 65536; n++) {
        const [flags, index, aux, next] = [u16(v, at + 2), u16(v, at + 4), u32(v, at + 12), u32(v, at + 16)];
        const name = text(strings, u32(v, at + aux));
        versionNames.defined.set(index, name);
        if ((flags & 1) === 0) facts.versionDefs.push(name);
        if (next === 0) break;
        at += next;
      }
    }
    const verneed = sections.find((s) => s.type === SHT_GNU_VERNEED);
    if (verneed) {
      const [v, strings] = [await view(verneed.offset, verneed.size, 'version needs'), await linked(verneed, 'version needs')];
      for (let at = 0, n = 0; at + 16 <= v.byteLength && n < 65536; n++) {
        const [count, file, aux, next] = [u16(v, at + 2), u32(v, at + 4), u32(v, at + 8), u32(v, at + 12)];
        const need = { file: text(strings, file), versions: [] as string[] };
        facts.versionNeeds.push(need);
        for (let a = at + aux, i = 0; i < count && a + 16 <= v.byteLength; i++) {
          const name = text(strings, u32(v, a + 8));
          versionNames.needed.set(u16(v, a + 6), name);
          need.versions.push(name);
          const step = u32(v, a + 12);
          if (step === 0) break;
          a += step;
        }
        if (next === 0) break;
        at += next;
      }
    }

    // Dynamic symbols, as readelf lists them: locals, sections and files left out; undefined
    // strong ones are required, defined ones provided (but not the version names themselves).
    const dynsym = sections.find((s) => s.type === SHT_DYNSYM);
    if (dynsym) {
      const entsize = bits === 64 ? 24 : 16;
      const [syms, strings] = [await view(dynsym.offset, dynsym.size, '.dynsym'), await linked(dynsym, '.dynsym')];
      const versym = sections.find((s) => s.type === SHT_GNU_VERSYM);
      const versions = versym ? await view(versym.offset, versym.size, '.gnu.version') : undefined;
      for (let i = 0; (i + 1) * entsize <= syms.byteLength; i++) {
        const at = i * entsize;
        const [nameAt, info, shndx] = bits === 64 ? [u32(syms, at), syms.getUint8(at + 4), u16(syms, at + 6)] : [u32(syms, at), syms.getUint8(at + 12), u16(syms, at + 14)];
        const [bind, kind] = [info >> 4, info & 0xf];
        if (bind === 0 || kind === 3 || kind === 4) continue;
        const name = text(strings, nameAt);
        if (name === '') continue;
        const index = versions && (i + 1) * 2 <= versions.byteLength ? u16(versions, i * 2) & 0x7fff : 0;
        const version = index > 1 ? (shndx !== 0 ? (versionNames.defined.get(index) ?? versionNames.needed.get(index)) : versionNames.needed.get(index)) : undefined;
        const ref: SymbolRef = version === undefined ? { name } : { name, version };
        if (shndx === 0) {
          if (bind !== 2) facts.required.push(ref);
        } else if (!(version === undefined ? facts.versionDefs.includes(name) : name === version)) {
          // (a library's own version names are absolute symbols too: not something to link against)
          facts.provided.push(ref);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof Corrupt)) throw error;
    problems.push(error.message);
  }
  return { facts, problems };
}

/** A ByteSource over bytes already in memory (tests, small files). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}
