import type { ElfFacts, SymbolRef } from './facts.ts';
import { dirOf, normalise, type PathAnswer, type SearchInfo } from './resolve.ts';

/**
 * What the site publishes about each environment for the in-page checker
 * (/check-data/): the same facts check-binary reads from the environment's
 * image, cut to what the rules use. An environment's index is small (folders,
 * file names, content hashes); a library's facts are one file per distinct
 * content hash, fetched only when a program needs that library, and shared by
 * every environment that has the same file. No imports beyond pure modules:
 * the page loads it.
 */
export interface PublishedEnvironment {
  id: string;
  label: string;
  family: 'glibc' | 'musl';
  /** The libc and its version as measured in the environment, e.g. "musl 1.2.3". */
  libc: string;
  distro: string;
  machine: string;
  search: SearchInfo;
  /** Each folder the site lists → the real folder it is (after symbolic links). */
  dirs: Record<string, string>;
  /** Real folder → file name → content hash of the file (its facts: lib/<hash>.json). */
  files: Record<string, Record<string, string>>;
}

/** A library's facts, as the rules use them (its own undefined symbols are not checked). */
export interface PublishedLibrary {
  isElf: boolean;
  elfClass: string;
  machine: string;
  type: string;
  soname?: string;
  needed: string[];
  versionDefs: string[];
  versionNeeds: { file: string; versions: string[] }[];
  /** Provided symbols grouped by version ("" for none): each version name is written once. */
  symbols: Record<string, string[]>;
}

export function publishLibrary(f: ElfFacts): PublishedLibrary {
  const symbols: Record<string, string[]> = {};
  for (const s of f.provided) (symbols[s.version ?? ''] ??= []).push(s.name);
  for (const names of Object.values(symbols)) names.sort();
  return {
    isElf: f.isElf, elfClass: f.elfClass, machine: f.machine, type: f.type, ...(f.soname ? { soname: f.soname } : {}),
    needed: f.needed, versionDefs: f.versionDefs, versionNeeds: f.versionNeeds, symbols,
  };
}

export function libraryFacts(l: PublishedLibrary): ElfFacts {
  const provided: SymbolRef[] = Object.entries(l.symbols).flatMap(([version, names]) => names.map((name) => (version ? { name, version } : { name })));
  return {
    isElf: l.isElf, elfClass: l.elfClass, machine: l.machine, type: l.type, pie: false, needed: l.needed, soname: l.soname,
    runpath: [], required: [], provided, versionNeeds: l.versionNeeds, versionDefs: l.versionDefs,
  };
}

/** The content hash of a path in a published environment, or undefined when the listing has no such file. */
export function publishedHash(env: PublishedEnvironment, path: string): string | undefined {
  const p = normalise(path);
  const real = env.dirs[dirOf(p)];
  return real === undefined ? undefined : env.files[real]?.[p.slice(p.lastIndexOf('/') + 1)];
}

/** Answers the resolver's questions about paths from a published environment, fetching library facts by hash. */
export async function publishedPaths(env: PublishedEnvironment, paths: string[], library: (hash: string) => Promise<PublishedLibrary>): Promise<Map<string, PathAnswer>> {
  const answers = new Map<string, PathAnswer>();
  await Promise.all(
    paths.map(async (p) => {
      const hash = publishedHash(env, p);
      answers.set(p, hash === undefined ? { exists: false } : { exists: true, facts: libraryFacts(await library(hash)) });
    }),
  );
  return answers;
}

/**
 * The words a user saw when a program failed to start, taken from the site's
 * own runs: per environment and failure class, the first line of the run's
 * stderr with the program's path replaced by "{program}" (the page puts the
 * reader's file name there). A class no run shows has no entry.
 */
export type RecordedMessages = Record<string, Partial<Record<string, { message: string; line: string; run: string }>>>;

export function recordedMessages(runs: { result: { id: string; envId: string; argv: string[]; stderr: string }; verdict: { verdict: string; failure?: string } }[]): RecordedMessages {
  const out: RecordedMessages = {};
  for (const { result, verdict } of runs) {
    if (verdict.verdict !== 'fails' || !verdict.failure) continue;
    const line = result.stderr.split('\n').find((l) => l.includes(result.argv[0] ?? '\0'));
    if (!line) continue;
    (out[result.envId] ??= {})[verdict.failure] ??= { message: line.replaceAll(result.argv[0]!, '{program}'), line, run: result.id };
  }
  return out;
}
