import type { ElfFacts } from './facts.ts';
import { isMuslReserved, type EnvironmentView, type FoundLibrary } from './verdict.ts';

/**
 * Which loader starts a program in an environment and which file it maps for
 * each library name: the search both `npm run check-binary` (files read from
 * the environment's image) and the page (files published by the build) run.
 * Pure: every file it asks about comes through `ask`, which answers what it
 * knows now; `resolveEnvironment` then fetches the rest and asks again.
 */

/** Where each loader looks, after the program's own RUNPATH (ld.so(8); musl's ldso/dynlink.c). */
export const glibcDefaultDirs = ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib64', '/usr/lib64', '/lib', '/usr/lib'];
export const muslDefaultDirs = ['/lib', '/usr/local/lib', '/usr/lib'];
/** musl's loader and libc are one file, at a path fixed by its ABI for x86-64. */
export const muslLoader = '/lib/ld-musl-x86_64.so.1';

/** glibc's ld.so cache (`ldconfig -p`, soname → path) and musl's path file, when there is one. */
export interface SearchInfo {
  cache: [string, string][];
  muslPath: string[] | null;
}

export interface PathAnswer {
  exists: boolean;
  facts?: ElfFacts;
}

export interface EnvironmentSpec {
  id: string;
  family: 'glibc' | 'musl';
  machine: string;
}

/** A file that travels with the program (found through its RUNPATH): where, and its facts. */
export type LocalFile = { path: string; facts: ElfFacts } | null;

export interface Ask {
  /** A path in the environment; undefined while not known. */
  path: (path: string) => PathAnswer | undefined;
  /** The first of these paths beside the program that exists; undefined while not known. */
  local: (paths: string[]) => LocalFile | undefined;
}

/** Normalises an absolute path ("/a/./b/../c" → "/a/c"); a relative one is returned unchanged. */
export function normalise(path: string): string {
  if (!path.startsWith('/')) return path;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';

/** The folders a loader searches for one file: RUNPATH entries with $ORIGIN expanded. Pure. */
export function expandRunpath(runpath: string[], origin: string): string[] {
  return runpath.map((p) => p.replaceAll('${ORIGIN}', origin).replaceAll('$ORIGIN', origin));
}

/** One pass with what is known: the view, or the paths still to fetch. */
export function resolveOnce(spec: EnvironmentSpec, search: SearchInfo, program: ElfFacts, programDir: string, ask: Ask): { view: EnvironmentView } | { paths: string[]; local: string[][] } {
  const unknown = { paths: new Set<string>(), local: new Map<string, string[]>() };
  const cache = new Map(search.cache);
  // The loader that starts the program decides the rules, whatever its file name (gcompat installs
  // musl's loader as /lib64/ld-linux-x86-64.so.2): glibc's ld.so defines GLIBC_* symbol versions,
  // musl's loader (which is musl's libc.so) defines none.
  let family = spec.family;
  let libcItself = muslLoader;
  let interpreterExists = false;
  if (program.interpreter) {
    const a = ask.path(program.interpreter);
    if (!a) unknown.paths.add(program.interpreter);
    interpreterExists = a?.exists ?? false;
    if (a?.facts?.isElf) {
      family = a.facts.versionDefs.some((v) => v.startsWith('GLIBC_')) ? 'glibc' : 'musl';
      if (family === 'musl') libcItself = program.interpreter;
    }
  }
  const dirs = family === 'musl' ? (search.muslPath ?? muslDefaultDirs) : glibcDefaultDirs;
  const found = new Map<string, FoundLibrary | null>();
  // Breadth first; `origin` is the folder of a file that travels with the program (its $ORIGIN).
  const queue: { soname: string; by: ElfFacts; origin?: string }[] = program.needed.map((soname) => ({ soname, by: program, origin: programDir }));
  while (queue.length > 0) {
    const { soname, by, origin } = queue.shift()!;
    if (found.has(soname)) continue;
    if (family === 'musl' && isMuslReserved(soname)) {
      const a = ask.path(libcItself);
      if (!a) unknown.paths.add(libcItself);
      found.set(soname, a?.exists ? { soname, path: libcItself, from: 'libc-itself', facts: a.facts! } : null);
      continue;
    }
    // The program's own RUNPATH first: those files travel with it.
    if (origin !== undefined && by.runpath.length > 0) {
      const paths = expandRunpath(by.runpath, origin).map((d) => normalise(`${d}/${soname}`)).filter((p) => p.startsWith('/'));
      const local = paths.length > 0 ? ask.local(paths) : null;
      if (local === undefined) {
        unknown.local.set(paths.join('\0'), paths);
        continue;
      }
      if (local) {
        found.set(soname, { soname, path: local.path, from: 'runpath', facts: local.facts });
        queue.push(...local.facts.needed.map((n) => ({ soname: n, by: local.facts, origin: dirOf(local.path) })));
        continue;
      }
    }
    const cached = family === 'glibc' ? cache.get(soname) : undefined;
    const candidates = [...(cached ? [cached] : []), ...dirs.map((d) => normalise(`${d}/${soname}`))];
    let hit: string | undefined;
    let waiting = false;
    for (const p of candidates) {
      const a = ask.path(p);
      if (!a) {
        unknown.paths.add(p);
        waiting = true;
        continue;
      }
      if (a.exists && !waiting) {
        hit = p;
        break;
      }
    }
    if (waiting) continue;
    if (!hit) {
      found.set(soname, null);
      continue;
    }
    const facts = ask.path(hit)!.facts!;
    found.set(soname, { soname, path: hit, from: 'environment', facts });
    queue.push(...facts.needed.map((n) => ({ soname: n, by: facts })));
  }
  if (unknown.paths.size > 0 || unknown.local.size > 0) return { paths: [...unknown.paths], local: [...unknown.local.values()] };
  return {
    view: {
      id: spec.id,
      family,
      machine: spec.machine,
      interpreterExists: (p) => p === program.interpreter && interpreterExists,
      findLibrary: (soname) => found.get(soname) ?? undefined,
    },
  };
}

/**
 * Resolves a program in one environment, fetching what is not known yet in
 * batches (one per level of the library tree) until the view is complete.
 */
export async function resolveEnvironment(
  spec: EnvironmentSpec,
  search: SearchInfo,
  program: ElfFacts,
  programDir: string,
  fetch: { paths: (paths: string[]) => Promise<Map<string, PathAnswer>>; local: (paths: string[]) => Promise<LocalFile> },
): Promise<EnvironmentView> {
  const answers = new Map<string, PathAnswer>();
  const locals = new Map<string, LocalFile>();
  const ask: Ask = { path: (p) => answers.get(p), local: (paths) => locals.get(paths.join('\0')) };
  for (;;) {
    const pass = resolveOnce(spec, search, program, programDir, ask);
    if ('view' in pass) return pass.view;
    for (const [p, a] of await fetch.paths(pass.paths)) answers.set(p, a);
    for (const p of pass.paths) if (!answers.has(p)) answers.set(p, { exists: false });
    for (const paths of pass.local) locals.set(paths.join('\0'), await fetch.local(paths));
  }
}
