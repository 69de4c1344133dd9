import { execa } from 'execa';
import { LabError } from '../errors/lab-error.ts';
import type { ElfFacts, SymbolRef } from './facts.ts';

export type { ElfFacts, SymbolRef } from './facts.ts';

/**
 * GNU readelf is the reference reader of the format; this module only parses its
 * text, so the facts are binutils' and the parsing is testable. The browser's
 * reader (elf-reader.ts) gives the same facts from the bytes.
 */
const field = (text: string, name: string) => new RegExp(`^\\s*${name}:\\s+(.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';

/** Splits readelf's "name@VERSION (n)" / "name@@VERSION" into name and version. */
function symbolRef(raw: string): SymbolRef {
  const cleaned = raw.replace(/\s+\(\d+\)$/, '');
  const at = cleaned.indexOf('@');
  if (at <= 0) return { name: cleaned };
  return { name: cleaned.slice(0, at), version: cleaned.slice(at).replace(/^@+/, '') };
}

/** Parses `readelf -hldVW --dyn-syms` output. Pure. */
export function parseReadelf(text: string): ElfFacts {
  const typeLine = field(text, 'Type');
  const facts: ElfFacts = {
    isElf: /^ELF Header:/m.test(text),
    elfClass: field(text, 'Class'),
    machine: field(text, 'Machine'),
    type: typeLine.split(/\s+/)[0] ?? '',
    pie: /\(FLAGS_1\)\s+Flags:.*\bPIE\b/.test(text),
    interpreter: /\[Requesting program interpreter: ([^\]]+)\]/.exec(text)?.[1],
    needed: [...text.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]!),
    soname: /\(SONAME\)\s+Library soname: \[([^\]]+)\]/.exec(text)?.[1],
    runpath: [],
    required: [],
    provided: [],
    versionNeeds: [],
    versionDefs: [],
  };
  const runpath = /\(RUNPATH\)\s+Library runpath: \[([^\]]*)\]/.exec(text) ?? /\(RPATH\)\s+Library rpath: \[([^\]]*)\]/.exec(text);
  if (runpath) facts.runpath = runpath[1]!.split(':').filter(Boolean);

  // Symbol table '.dynsym': "Num: Value Size Type Bind Vis Ndx Name"
  const dynsym = /Symbol table '\.dynsym'[^\n]*\n[^\n]*\n([\s\S]*?)(?:\n\s*\n|$)/.exec(text)?.[1] ?? '';
  for (const line of dynsym.split('\n')) {
    // A type or binding readelf has no name for reads "<OS specific>: 10" (GNU_UNIQUE outside the GNU OS ABI).
    const m = /^\s*\d+:\s+[0-9a-f]+\s+\S+\s+((?:<[^>]+>: )?\w+)\s+((?:<[^>]+>: )?\w+)\s+\w+\s+(\S+)\s+(.+)$/.exec(line);
    if (!m) continue;
    const [, type, bind, ndx, name] = m as unknown as [string, string, string, string, string];
    if (bind === 'LOCAL' || type === 'SECTION' || type === 'FILE') continue;
    const ref = symbolRef(name.trim());
    if (ndx === 'UND') {
      if (bind !== 'WEAK') facts.required.push(ref);
    } else {
      facts.provided.push(ref);
    }
  }

  // Version needs: "000000: Version: 1  File: libc.so.6  Cnt: 3" then "  0x0010:   Name: GLIBC_2.2.5 ..."
  const needs = /Version needs section[^\n]*\n[^\n]*\n([\s\S]*?)(?:\n\s*\n|$)/.exec(text)?.[1] ?? '';
  let current: { file: string; versions: string[] } | undefined;
  for (const line of needs.split('\n')) {
    const file = /File: (\S+)/.exec(line);
    if (file) {
      current = { file: file[1]!, versions: [] };
      facts.versionNeeds.push(current);
      continue;
    }
    const name = /Name: (\S+)/.exec(line);
    if (name && current) current.versions.push(name[1]!);
  }
  // Version definitions: "  0x001c: Rev: 1  Flags: none  Index: 2  Cnt: 1  Name: GLIBC_2.2.5"
  const defs = /Version definition section[^\n]*\n[^\n]*\n([\s\S]*?)(?:\n\s*\n|$)/.exec(text)?.[1] ?? '';
  for (const line of defs.split('\n')) {
    const name = /Rev: \d+\s+Flags: (\S+)\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)/.exec(line);
    // The BASE definition names the file itself (its soname), not a version.
    if (name && name[1] !== 'BASE') facts.versionDefs.push(name[2]!);
  }
  // A library defines each of its version names as an absolute symbol (readelf lists it
  // without a version): that is not a symbol anyone links against.
  const defined = new Set(facts.versionDefs);
  facts.provided = facts.provided.filter((s) => !(s.version === undefined ? defined.has(s.name) : s.name === s.version));
  return facts;
}

export type Exec = (file: string, args: string[]) => Promise<{ stdout: string; stderr: string; exitCode: number }>;

const realExec: Exec = async (file, args) => {
  const r = await execa(file, args, { reject: false, stdin: 'ignore', maxBuffer: 256 * 1024 * 1024 });
  if ((r as { code?: string }).code === 'ENOENT') {
    throw new LabError({
      name: 'ToolMissing',
      message: `${file} was not found: the binary checker reads ELF files with GNU binutils.`,
      hint: 'Install binutils (sudo apt-get install binutils), or run bash scripts/setup.sh.',
    });
  }
  return { stdout: r.stdout as string, stderr: r.stderr as string, exitCode: r.exitCode ?? 1 };
};

/** Reads one file with readelf; a file that is not ELF gives isElf=false, not an error. */
export async function readElf(path: string, exec: Exec = realExec): Promise<ElfFacts> {
  const r = await exec('readelf', ['-hldVW', '--dyn-syms', path]);
  if (/No such file/.test(r.stderr)) {
    throw new LabError({ name: 'FileNotFound', message: `${path} does not exist.`, hint: 'Give the path of the program or library to check.' });
  }
  return parseReadelf(r.stdout);
}

/**
 * The architecture the environments run on: theirs is this machine's kernel, and this Node
 * was built for it. Only the ELF header is read (Node's symbol table is large).
 */
export async function hostMachine(exec: Exec = realExec): Promise<string> {
  return parseReadelf((await exec('readelf', ['-hW', process.execPath])).stdout).machine;
}
