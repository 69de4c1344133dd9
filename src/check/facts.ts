/**
 * What the checker needs to know about one ELF file. Two readers produce it:
 * GNU readelf's text (elf.ts, the CLI) and the bytes themselves (elf-reader.ts,
 * the browser); tests hold them to the same answer. No imports: the page loads it.
 */
export interface SymbolRef {
  name: string;
  /** Symbol version, e.g. "GLIBC_2.34"; absent when unversioned. */
  version?: string;
}

export interface ElfFacts {
  isElf: boolean;
  /** "ELF64" or "ELF32". */
  elfClass: string;
  /** readelf's name of the machine, e.g. "Advanced Micro Devices X86-64", "AArch64". */
  machine: string;
  /** "EXEC", "DYN", "REL" or "CORE". */
  type: string;
  /** DT_FLAGS_1 has PIE: a position-independent executable rather than a library. */
  pie: boolean;
  /** PT_INTERP: the dynamic loader the kernel starts first. */
  interpreter?: string;
  needed: string[];
  soname?: string;
  /** DT_RUNPATH, else DT_RPATH, split on ":" ($ORIGIN kept as written). */
  runpath: string[];
  /** Undefined symbols that must be found (weak ones are optional and left out). */
  required: SymbolRef[];
  /** Symbols this file defines for others (functions and objects, all versions). */
  provided: SymbolRef[];
  /** Version needs (.gnu.version_r): from which file, which versions. */
  versionNeeds: { file: string; versions: string[] }[];
  /** Version definitions (.gnu.version_d) of a library, e.g. GLIBC_2.2.5 ... GLIBC_2.36. */
  versionDefs: string[];
}

/** The facts of a file that is not ELF (a script, an archive, a text file). */
export const notElf = (): ElfFacts => ({
  isElf: false, elfClass: '', machine: '', type: '', pie: false, needed: [], runpath: [], required: [], provided: [], versionNeeds: [], versionDefs: [],
});
