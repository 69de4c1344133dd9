import type { ElfFacts, SymbolRef } from './facts.ts';

/**
 * Will this ELF file run in that environment? Decided from the file and from
 * the environment's own loader and libraries (read from its image), in the
 * order the kernel and the dynamic loader meet them. Pure: every fact comes in.
 */

export type VerdictKind = 'runs' | 'fails' | 'unknown';

export interface Verdict {
  env: string;
  verdict: VerdictKind;
  /** One line per fact that led to the verdict. */
  reasons: string[];
  /** What a user sees when it fails, as the loader or shell words it. */
  symptom?: string;
  /** Which step failed (what the page links to the lesson that explains it). */
  failure?: FailureClass;
}

export type FailureClass = 'machine' | 'interpreter' | 'library' | 'version' | 'symbol';

/** A library as found for a program: where, and what it provides. */
export interface FoundLibrary {
  soname: string;
  /** Path in the environment, or on this machine for one found through the program's own RUNPATH. */
  path: string;
  from: 'environment' | 'runpath' | 'libc-itself';
  facts: ElfFacts;
}

export interface EnvironmentView {
  id: string;
  family: 'glibc' | 'musl';
  /** readelf's machine name of the environment's architecture. */
  machine: string;
  interpreterExists: (path: string) => boolean;
  /** The library the loader would pick for a name, or undefined when it finds none. */
  findLibrary: (soname: string, neededBy: ElfFacts) => FoundLibrary | undefined;
}

/**
 * musl's loader treats these names as itself (ldso/dynlink.c, the "reserved"
 * list in load_library): libc.so.6, libm.so.6, libpthread.so.0 ... all resolve
 * to musl's own libc. That is why a glibc program's libc.so.6 is "found" under
 * musl's loader, and why only its symbols can fail.
 */
export const muslReservedLibraries = ['c', 'pthread', 'rt', 'm', 'dl', 'util', 'xnet'];

export function isMuslReserved(soname: string): boolean {
  const m = /^lib([a-z]+)\.so(\.|$)/.exec(soname) ?? /^lib([a-z]+)\.(?!so)/.exec(soname);
  return m !== null && muslReservedLibraries.includes(m[1]!);
}

const describe = (s: SymbolRef) => (s.version ? `${s.name}@${s.version}` : s.name);

/** readelf's names of the two machines the kernel may run side by side. */
const i386 = 'Intel 80386';
const x86_64 = 'Advanced Micro Devices X86-64';

export function judge(file: string, program: ElfFacts, env: EnvironmentView): Verdict {
  const reasons: string[] = [];
  const verdict = (kind: VerdictKind, symptom?: string, failure?: FailureClass): Verdict => ({ env: env.id, verdict: kind, reasons, ...(symptom ? { symptom } : {}), ...(failure ? { failure } : {}) });

  if (!program.isElf) {
    reasons.push('not an ELF file (a script or another format): the checker cannot say');
    return verdict('unknown');
  }
  const ia32OnX86_64 = program.machine === i386 && env.machine === x86_64;
  if (program.machine !== env.machine && !ia32OnX86_64) {
    reasons.push(`built for ${program.machine}, the environment is ${env.machine}`);
    return verdict('fails', 'Exec format error (the shell reports exit 126 or "not found")', 'machine');
  }
  if (ia32OnX86_64) {
    // The kernel, not the libc, decides this: x86-64 kernels built with IA32 emulation start
    // 32-bit programs (the probe linking/i386 runs one in every environment here).
    reasons.push('a 32-bit x86 program: an x86-64 kernel with 32-bit support (CONFIG_IA32_EMULATION, usual in distribution kernels) starts it');
  }
  if (program.type !== 'EXEC' && program.type !== 'DYN') {
    reasons.push(`an ELF ${program.type} file is not a program`);
    return verdict('unknown');
  }
  const library = program.type === 'DYN' && !program.interpreter && !program.pie;
  if (!program.interpreter && program.needed.length === 0 && !library) {
    reasons.push('statically linked: no interpreter and no shared libraries, the kernel starts it directly');
    return verdict('runs');
  }
  if (library) reasons.push('a shared library, not a program: it runs only inside a program that loads it');
  if (program.interpreter) {
    if (!env.interpreterExists(program.interpreter)) {
      reasons.push(`its interpreter ${program.interpreter} does not exist in the environment`);
      return verdict('fails', `${file}: not found (exit 127): the kernel cannot start the missing interpreter, and the shell reports the program as missing`, 'interpreter');
    }
    reasons.push(`interpreter ${program.interpreter} exists`);
    if (ia32OnX86_64) {
      reasons.push("the environment has a 32-bit loader; the checker does not follow a 32-bit program's library search");
      return verdict('unknown');
    }
  }

  // Every library the loader will map: breadth first, as both loaders do.
  const loaded: FoundLibrary[] = [];
  const seen = new Set<string>();
  const queue: { soname: string; by: ElfFacts; byName: string }[] = program.needed.map((soname) => ({ soname, by: program, byName: file }));
  while (queue.length > 0) {
    const { soname, by, byName } = queue.shift()!;
    if (seen.has(soname)) continue;
    seen.add(soname);
    const found = env.findLibrary(soname, by);
    if (!found) {
      reasons.push(`${byName} needs ${soname}, which the environment's loader does not find`);
      return verdict(
        'fails',
        env.family === 'musl'
          ? `Error loading shared library ${soname}: No such file or directory (needed by ${byName})`
          : `error while loading shared libraries: ${soname}: cannot open shared object file: No such file or directory`,
        'library',
      );
    }
    loaded.push(found);
    if (found.from !== 'libc-itself') for (const next of found.facts.needed) queue.push({ soname: next, by: found.facts, byName: found.soname });
  }
  if (loaded.length > 0) {
    reasons.push(`libraries: ${loaded.map((l) => `${l.soname} → ${l.from === 'libc-itself' ? "musl's libc itself" : l.path}`).join(', ')}`);
  }

  // glibc checks every version a file needs against the library's definitions, before any symbol.
  if (env.family === 'glibc') {
    for (const owner of [{ name: file, facts: program }, ...loaded.map((l) => ({ name: l.soname, facts: l.facts }))]) {
      for (const need of owner.facts.versionNeeds) {
        const lib = loaded.find((l) => l.soname === need.file);
        if (!lib) continue;
        const missing = need.versions.filter((v) => !lib.facts.versionDefs.includes(v));
        if (missing.length > 0) {
          reasons.push(`${owner.name} needs ${missing.join(', ')} from ${need.file}, which defines up to ${lib.facts.versionDefs.at(-1) ?? 'no versions'}`);
          return verdict('fails', `version \`${missing[0]}' not found (required by ${owner.name})`, 'version');
        }
      }
    }
    const needed = new Set(program.versionNeeds.flatMap((n) => n.versions));
    if (needed.size > 0) reasons.push(`all ${needed.size} symbol versions it needs are defined`);
  } else if (program.versionNeeds.length > 0) {
    reasons.push(`its symbol versions are ignored: musl's loader does not check them`);
  }

  // Every strong undefined symbol must be defined by the program or a loaded library.
  const provided = new Map<string, Set<string | undefined>>();
  for (const facts of [program, ...loaded.map((l) => l.facts)]) {
    for (const s of facts.provided) {
      if (!provided.has(s.name)) provided.set(s.name, new Set());
      provided.get(s.name)!.add(s.version);
    }
  }
  const has = (s: SymbolRef) => {
    const versions = provided.get(s.name);
    if (!versions) return false;
    // musl ignores versions; glibc needs the exact version (or an unversioned definition).
    return env.family === 'musl' || s.version === undefined || versions.has(s.version) || versions.has(undefined);
  };
  const owners = [{ name: file, facts: program }, ...loaded.filter((l) => l.from === 'runpath').map((l) => ({ name: l.soname, facts: l.facts }))];
  for (const owner of owners) {
    const missing = owner.facts.required.filter((s) => !has(s));
    if (missing.length === 0) continue;
    const shown = missing.slice(0, 8).map(describe).join(', ') + (missing.length > 8 ? ` and ${missing.length - 8} more` : '');
    reasons.push(`${owner.name} uses ${missing.length} symbol(s) no loaded library defines: ${shown}`);
    if (library) return verdict('unknown');
    return verdict(
      'fails',
      env.family === 'musl'
        ? `Error relocating ${owner.name}: ${missing[0]!.name}: symbol not found`
        : `symbol lookup error: ${owner.name}: undefined symbol: ${missing[0]!.name}`,
      'symbol',
    );
  }
  if (library) {
    reasons.push('its libraries resolve; the symbols it expects from its host program cannot be checked from the file alone');
    return verdict('unknown');
  }
  reasons.push(`all ${program.required.length} required symbol(s) are defined`);
  reasons.push('libraries it may open later with dlopen are not visible in the file');
  return verdict('runs');
}
