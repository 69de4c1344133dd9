import { z } from 'zod';
import { sha256 } from '../hash/hash.ts';
import type { SiteEnvironment } from '../check/publish.ts';
import type { PublishedEnvironment, PublishedLibrary } from '../check/published.ts';

/**
 * The in-page checker's data (src/check/publish.ts, check-site/ of the cache)
 * as the snapshot keeps it, so a build that cannot read any environment still
 * publishes /check-data/. Pure: snapshot.ts does the files.
 *
 *   frozen/check-site/env/<sha256>.json   one environment's listing (loader search, folders,
 *                                         file name → library hash), named by the hash of its bytes
 *   frozen/check-site/lib/<hash>.json     one library's facts, named by the content hash of the
 *                                         library file itself (the name /check-data/lib/ uses)
 *
 * Each library is stored once however many environments hold the same file.
 * Few files are shared between Debian releases (each release rebuilds its
 * libraries), so the symbol lists, nearly all of the bytes, are also written
 * front-coded: sorted names share long prefixes (C++ mangled names above
 * all), and each name is stored as "<length shared with the previous name>:
 * <the rest>". That halves the raw size; gzip (what git stores) gains less.
 * Decoding gives back the very object the cache held, key order included, so
 * the published JSON is the same bytes as a build that read the environments.
 */

/** Sorted names → "<shared prefix length>:<rest>" each. Any order decodes back exactly; sorted is smaller. */
export function frontCode(names: string[]): string[] {
  let previous = '';
  return names.map((name) => {
    let shared = 0;
    const most = Math.min(name.length, previous.length);
    while (shared < most && name.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    // Never split a surrogate pair: the rest must be a well-formed string on its own.
    if (shared > 0 && shared < name.length && /[\uDC00-\uDFFF]/.test(name[shared]!)) shared--;
    previous = name;
    return `${shared}:${name.slice(shared)}`;
  });
}

/** The inverse of frontCode; undefined when an entry is not "<n>:<rest>" or n is longer than the previous name. */
export function frontDecode(coded: string[]): string[] | undefined {
  const names: string[] = [];
  let previous = '';
  for (const entry of coded) {
    const m = /^(\d+):/.exec(entry);
    if (!m) return undefined;
    const shared = Number(m[1]);
    if (shared > previous.length) return undefined;
    previous = previous.slice(0, shared) + entry.slice(m[0].length);
    names.push(previous);
  }
  return names;
}

const searchSchema = z.object({ cache: z.array(z.tuple([z.string(), z.string()])), muslPath: z.array(z.string()).nullable() });

export const storedEnvironmentSchema = z.object({
  id: z.string(),
  label: z.string(),
  family: z.enum(['glibc', 'musl']),
  libc: z.string(),
  distro: z.string(),
  machine: z.string(),
  search: searchSchema,
  dirs: z.record(z.string(), z.string()),
  files: z.record(z.string(), z.record(z.string(), z.string().regex(/^[0-9a-f]{20}$/))),
});

export const storedLibrarySchema = z.object({
  isElf: z.boolean(),
  elfClass: z.string(),
  machine: z.string(),
  type: z.string(),
  soname: z.string().optional(),
  needed: z.array(z.string()),
  versionDefs: z.array(z.string()),
  versionNeeds: z.array(z.object({ file: z.string(), versions: z.array(z.string()) })),
  /** Version ("" for none) → front-coded names (frontCode). */
  symbols: z.record(z.string(), z.array(z.string())),
});

/** What the snapshot holds of the check-site data: files by name, and per environment the name of its listing. */
export interface StoredCheckSite {
  /** Environment id → sha256 of its env/ file's text. */
  environments: Record<string, string>;
  /** env/<sha256>.json → text. */
  envFiles: Map<string, string>;
  /** lib/<library hash>.json → text. */
  libFiles: Map<string, string>;
}

/** The hashes of every library an environment's listing names. */
export function libraryHashes(env: PublishedEnvironment): string[] {
  return [...new Set(Object.values(env.files).flatMap((names) => Object.values(names)))].sort();
}

/**
 * Stores each environment's data: its listing as is, each library once
 * (symbols front-coded). Same data → same texts. Refuses an environment
 * whose listing names a library it does not carry (a damaged cache file).
 */
export function packCheckSite(sites: SiteEnvironment[]): StoredCheckSite {
  const stored: StoredCheckSite = { environments: {}, envFiles: new Map(), libFiles: new Map() };
  for (const { env, libraries } of [...sites].sort((a, b) => (a.env.id < b.env.id ? -1 : 1))) {
    const text = `${JSON.stringify(env)}\n`;
    const name = sha256(text);
    stored.environments[env.id] = name;
    stored.envFiles.set(name, text);
    for (const hash of libraryHashes(env)) {
      const lib = libraries[hash];
      if (!lib) throw new Error(`the check-site data of ${env.id} lists library ${hash} and does not hold its facts`);
      if (stored.libFiles.has(hash)) continue;
      const symbols = Object.fromEntries(Object.entries(lib.symbols).map(([version, names]) => [version, frontCode(names)]));
      stored.libFiles.set(hash, `${JSON.stringify({ ...lib, symbols })}\n`);
    }
  }
  return stored;
}

/** A stored library back as the cache held it; a string saying what is wrong when it is not one. */
export function unpackLibrary(raw: unknown): PublishedLibrary | string {
  const parsed = storedLibrarySchema.safeParse(raw);
  if (!parsed.success) return `${parsed.error.issues[0]!.path.join('.') || '(top level)'}: ${parsed.error.issues[0]!.message}`;
  // Key order as in the file (which is publishLibrary's): the published JSON must be the same bytes.
  const lib = raw as PublishedLibrary;
  const symbols: Record<string, string[]> = {};
  for (const [version, coded] of Object.entries(parsed.data.symbols)) {
    const names = frontDecode(coded);
    if (!names) return `symbols.${version || '""'}: an entry is not "<shared length>:<rest>" within the previous name`;
    symbols[version] = names;
  }
  return { ...lib, symbols };
}

/** A stored listing back; a string saying what is wrong when it is not one. */
export function unpackEnvironment(raw: unknown): PublishedEnvironment | string {
  const parsed = storedEnvironmentSchema.safeParse(raw);
  if (!parsed.success) return `${parsed.error.issues[0]!.path.join('.') || '(top level)'}: ${parsed.error.issues[0]!.message}`;
  return raw as PublishedEnvironment;
}
