import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { ElfFacts } from './elf.ts';
import { isMuslReserved, type EnvironmentView, type FoundLibrary } from './verdict.ts';
import { writeFileAtomic } from '../runner/cache.ts';
import { sha256 } from '../hash/hash.ts';

/**
 * Builds an EnvironmentView from an environment's own files: its ld.so cache or
 * musl path file, whether the interpreter exists, and the libraries its loader
 * would map, read with readelf. The files come out of the environment through an
 * injected `shell` (a container of its run image for the Docker backend), so the
 * checker never relies on a list typed by hand.
 */
export interface EnvironmentShell {
  /** Stable id of the environment's file system (an image id): answers are cached under it. */
  id: string;
  /**
   * Runs `script` in the environment with `args`, with a writable folder at /out
   * that shows up at `outDir` on this machine; returns stdout.
   */
  run: (script: string, args: string[], outDir: string) => Promise<string>;
}

export interface EnvironmentSpec {
  id: string;
  family: 'glibc' | 'musl';
  machine: string;
}

type ReadElf = (path: string) => Promise<ElfFacts>;

/** Where each loader looks, after the program's own RUNPATH (ld.so(8); musl's ldso/dynlink.c). */
export const glibcDefaultDirs = ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib64', '/usr/lib64', '/lib', '/usr/lib'];
export const muslDefaultDirs = ['/lib', '/usr/local/lib', '/usr/lib'];
/** musl's loader and libc are one file, at a path fixed by its ABI for x86-64. */
export const muslLoader = '/lib/ld-musl-x86_64.so.1';

/** Parses `ldconfig -p`: soname → path, x86-64 entries only. Pure. */
export function parseLdconfig(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/^\s*(\S+) \(([^)]*)\) => (\S+)$/gm)) {
    if (m[2]!.includes('x86-64') && !map.has(m[1]!)) map.set(m[1]!, m[3]!);
  }
  return map;
}

/** The folders a loader searches for one file: RUNPATH entries with $ORIGIN expanded. Pure. */
export function expandRunpath(runpath: string[], origin: string): string[] {
  return runpath.map((p) => p.replaceAll('${ORIGIN}', origin).replaceAll('$ORIGIN', origin));
}

const searchScript = `
echo "== ldconfig"; (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null
echo "== musl-path"; cat /etc/ld-musl-x86_64.path 2>/dev/null
echo "== end"`;

// Prints "path<TAB>index" for each path that exists (copying it, links followed, to /out/index), "path<TAB>-" otherwise.
const fetchScript = `
i=0
for p in "$@"; do
  i=$((i+1))
  if [ -f "$p" ]; then cp -L "$p" "/out/$i" && echo "$p	$i"; else echo "$p	-"; fi
done`;

interface SearchInfo {
  cache: [string, string][];
  muslPath: string[] | null;
}

interface PathAnswer {
  exists: boolean;
  facts?: ElfFacts;
}

export class EnvironmentFiles {
  private readonly shell: EnvironmentShell;
  private readonly cacheDir: string;
  private readonly readElf: ReadElf;
  constructor(shell: EnvironmentShell, cacheDir: string, readElf: ReadElf) {
    this.shell = shell;
    this.cacheDir = join(cacheDir, 'check', shell.id.replace(/[^a-z0-9]/gi, '_'));
    this.readElf = readElf;
  }

  async search(): Promise<SearchInfo> {
    const file = join(this.cacheDir, 'search.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SearchInfo;
    const out = await this.withOut((dir) => this.shell.run(searchScript, [], dir));
    const ld = /== ldconfig\n([\s\S]*?)== musl-path\n([\s\S]*?)== end/.exec(out);
    const musl = ld?.[2]?.trim();
    const info: SearchInfo = {
      cache: [...parseLdconfig(ld?.[1] ?? '')],
      muslPath: musl ? musl.split(/[:\n]/).filter(Boolean) : null,
    };
    writeFileAtomic(file, JSON.stringify(info));
    return info;
  }

  /** Existence and ELF facts of paths in the environment, one container for all that are not cached. */
  async paths(paths: string[]): Promise<Map<string, PathAnswer>> {
    const answers = new Map<string, PathAnswer>();
    const cacheFile = (p: string) => join(this.cacheDir, `${sha256(p).slice(0, 24)}.json`);
    const todo: string[] = [];
    for (const p of new Set(paths)) {
      if (existsSync(cacheFile(p))) answers.set(p, JSON.parse(readFileSync(cacheFile(p), 'utf8')) as PathAnswer);
      else todo.push(p);
    }
    if (todo.length === 0) return answers;
    await this.withOut(async (dir) => {
      const out = await this.shell.run(fetchScript, todo, dir);
      for (const line of out.split('\n')) {
        const [path, index] = line.split('\t');
        if (!path || !index) continue;
        const answer: PathAnswer = index === '-' ? { exists: false } : { exists: true, facts: await this.readElf(join(dir, index)) };
        writeFileAtomic(cacheFile(path), JSON.stringify(answer));
        answers.set(path, answer);
      }
    });
    return answers;
  }

  private async withOut<T>(fn: (dir: string) => Promise<T>): Promise<T> {
    mkdirSync(this.cacheDir, { recursive: true });
    const dir = mkdtempSync(join(this.cacheDir, 'out-'));
    chmodSync(dir, 0o777);
    try {
      return await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * Resolves everything a program needs in one environment, then hands the
 * verdict code a synchronous view. Libraries named through $ORIGIN are read
 * from this machine, beside the program: they travel with it.
 */
export async function viewEnvironment(spec: EnvironmentSpec, files: EnvironmentFiles, program: ElfFacts, programPath: string, readElf: ReadElf): Promise<EnvironmentView> {
  const search = await files.search();
  const cache = new Map(search.cache);
  const interpreters = new Map<string, boolean>();
  // The loader that starts the program decides the rules, whatever its file name (gcompat installs
  // musl's loader as /lib64/ld-linux-x86-64.so.2): glibc's ld.so defines GLIBC_* symbol versions,
  // musl's loader (which is musl's libc.so) defines none.
  let family = spec.family;
  let libcItself = muslLoader;
  if (program.interpreter) {
    const a = (await files.paths([program.interpreter])).get(program.interpreter);
    interpreters.set(program.interpreter, a?.exists ?? false);
    if (a?.facts?.isElf) {
      family = a.facts.versionDefs.some((v) => v.startsWith('GLIBC_')) ? 'glibc' : 'musl';
      if (family === 'musl') libcItself = program.interpreter;
    }
  }
  const dirs = family === 'musl' ? (search.muslPath ?? muslDefaultDirs) : glibcDefaultDirs;
  const found = new Map<string, FoundLibrary | null>();
  const hostDirOf = new Map<ElfFacts, string>([[program, dirname(programPath)]]);

  let pending: { soname: string; by: ElfFacts }[] = program.needed.map((soname) => ({ soname, by: program }));
  while (pending.length > 0) {
    const next: { soname: string; by: ElfFacts }[] = [];
    const candidates = new Map<string, string[]>();
    for (const { soname, by } of pending) {
      if (found.has(soname)) continue;
      if (family === 'musl' && isMuslReserved(soname)) {
        const a = (await files.paths([libcItself])).get(libcItself);
        found.set(soname, a?.exists ? { soname, path: libcItself, from: 'libc-itself', facts: a.facts! } : null);
        continue;
      }
      // The program's own RUNPATH first: those files travel with it, on this machine.
      const origin = hostDirOf.get(by);
      const local = origin ? expandRunpath(by.runpath, origin).map((d) => join(d, soname)).find((p) => p.startsWith('/') && existsSync(p)) : undefined;
      if (local) {
        const facts = await readElf(local);
        hostDirOf.set(facts, dirname(local));
        found.set(soname, { soname, path: local, from: 'runpath', facts });
        next.push(...facts.needed.map((n) => ({ soname: n, by: facts })));
        continue;
      }
      const cached = family === 'glibc' ? cache.get(soname) : undefined;
      candidates.set(soname, cached ? [cached, ...dirs.map((d) => posix.join(d, soname))] : dirs.map((d) => posix.join(d, soname)));
    }
    const answers = await files.paths([...candidates.values()].flat());
    for (const [soname, paths] of candidates) {
      const hit = paths.find((p) => answers.get(p)?.exists);
      if (!hit) {
        found.set(soname, null);
        continue;
      }
      const facts = answers.get(hit)!.facts!;
      found.set(soname, { soname, path: hit, from: 'environment', facts });
      next.push(...facts.needed.map((n) => ({ soname: n, by: facts })));
    }
    pending = next.filter((n) => !found.has(n.soname));
  }
  return {
    id: spec.id,
    family,
    machine: spec.machine,
    interpreterExists: (p) => interpreters.get(p) ?? false,
    findLibrary: (soname) => found.get(soname) ?? undefined,
  };
}
