import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { z } from 'zod';
import { imageRefSchema, resultSchema, type Result } from '../runner/result.ts';
import { writeFileAtomic } from '../runner/cache.ts';
import { LabError } from '../errors/lab-error.ts';
import type { BoundEnvironment } from '../runner/plan.ts';
import type { Verdict } from '../check/verdict.ts';
import type { SiteEnvironment } from '../check/publish.ts';
import type { PublishedLibrary } from '../check/published.ts';
import { sha256 } from '../hash/hash.ts';
import { libraryHashes, packCheckSite, unpackEnvironment, unpackLibrary } from './check-site.ts';

/**
 * The frozen results: what `npm run freeze` writes after a real run and what a
 * build uses when it cannot run anything (no engine, no sandbox). Layout:
 *
 *   frozen/index.json            the index (this schema): when, which environments, every run id → run key
 *   frozen/results/<key>.json    one Result per run key, compact JSON (identical runs share one file)
 *   frozen/check-site/env/<sha256>.json, frozen/check-site/lib/<hash>.json
 *                                the in-page checker's data per environment (check-site.ts)
 *
 * Content-addressed: a result's file is named by its run key, so refreezing
 * rewrites only the runs whose inputs changed, and a git diff shows exactly those.
 */
export const snapshotFormat = 1;

const versionLines = z.record(z.string(), z.string()).optional();

// Every field of BoundEnvironment: one the schema left out would be dropped on reading, and the
// runs planned from the snapshot would then get other keys than the frozen ones (all stale).
const boundEnvironmentSchema: z.ZodType<BoundEnvironment> = z.object({
  id: z.string(),
  backend: z.enum(['docker', 'sandbox']),
  imageSource: z.enum(['upstream', 'offline']),
  distro: z.string(),
  cc: z.string(),
  buildImage: imageRefSchema,
  runImage: imageRefSchema,
  libc: z.string(),
  compiler: z.string(),
  packages: z.record(z.string(), z.string()).optional(),
  suite: z.string().optional(),
  family: z.enum(['glibc', 'musl']).optional(),
  edge: z.boolean().optional(),
  /** The environment's Go, Rust and Python binding, itself a bound environment. */
  get toolchain() {
    return boundEnvironmentSchema.optional();
  },
  toolchains: versionLines,
  interpreters: versionLines,
  toolchainProblems: versionLines,
});

const verdictSchema = z.object({
  env: z.string(),
  verdict: z.enum(['runs', 'fails', 'unknown']),
  reasons: z.array(z.string()),
  symptom: z.string().optional(),
  // Kept: the in-page checker's index takes the words of each failure class from the runs (recordedMessages).
  failure: z.enum(['machine', 'interpreter', 'library', 'version', 'symbol']).optional(),
});

export const snapshotIndexSchema = z.object({
  /** Bumped when this layout changes; an older or newer index is refused with the fix. */
  format: z.literal(snapshotFormat),
  /** ISO time the snapshot was written (each result keeps its own time of running). */
  madeAt: z.string(),
  /** The runner version the keys were made with (part of every key). */
  runnerVersion: z.string(),
  /** Each environment as the freezing machine bound it, and the hash of its recipe (see recipe.ts). */
  environments: z.record(z.string(), z.object({ bound: boundEnvironmentSchema, recipe: z.string() })),
  /** Every run of the site by run id ("probe:variant@env"): its run key (its result's file) and check-binary's verdict. */
  runs: z.record(z.string(), z.object({ key: z.string().regex(/^[0-9a-f]{64}$/), check: verdictSchema.optional() })),
  /** Runs the freezing machine could not make, with its reason (shown in their place). */
  notRun: z.record(z.string(), z.string()),
  /**
   * Environment id → the name (sha256 of its text) of its check-site listing, for the in-page
   * checker (/check-data/). Absent in snapshots made before it was kept: a build from one
   * publishes no check-data and the page says the frozen results lack it.
   */
  checkSite: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional(),
});
export type SnapshotIndex = z.infer<typeof snapshotIndexSchema>;

/** A snapshot in memory: its index and its results by run key. */
export interface Snapshot {
  index: SnapshotIndex;
  results: Map<string, Result>;
  /** The in-page checker's data by environment id (those index.checkSite names). */
  checkSite: Map<string, SiteEnvironment>;
}

export const indexFile = 'index.json';
const resultsDir = 'results';
const envDir = join('check-site', 'env');
const libDir = join('check-site', 'lib');

export function snapshotExists(dir: string): boolean {
  return existsSync(join(dir, indexFile));
}

function invalid(file: string, detail: string): LabError {
  return new LabError({
    name: 'FrozenSnapshotInvalid',
    message: `The frozen snapshot cannot be read: ${detail}.`,
    file,
    hint: 'Regenerate it with `npm run freeze` on a machine that can run the probes (Docker or bubblewrap), then commit frozen/.',
  });
}

/** Reads and validates a snapshot; a damaged one is an error naming the file and the field. */
export function readSnapshot(dir: string): Snapshot {
  const file = join(dir, indexFile);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw invalid(file, (error as Error).message);
  }
  const format = (raw as { format?: unknown })?.format;
  if (format !== snapshotFormat) throw invalid(file, `its format is ${JSON.stringify(format)}, and this runner reads format ${snapshotFormat}`);
  const parsed = snapshotIndexSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(file, `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const index = parsed.data;
  const results = new Map<string, Result>();
  for (const key of new Set(Object.values(index.runs).map((r) => r.key))) {
    const path = join(dir, resultsDir, `${key}.json`);
    if (!existsSync(path)) throw invalid(path, 'the index names this result, and its file is missing');
    const result = resultSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!result.success) throw invalid(path, `${result.error.issues[0]!.path.join('.')}: ${result.error.issues[0]!.message}`);
    if (result.data.key !== key) throw invalid(path, `it holds the result of key ${result.data.key}`);
    results.set(key, result.data);
  }
  return { index, results, checkSite: readCheckSite(dir, index) };
}

function readJson(path: string): unknown {
  if (!existsSync(path)) throw invalid(path, 'the index names this file, and it is missing');
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(path, (error as Error).message);
  }
}

/** Each environment's listing (checked against its name) and the libraries it names (checked by schema). */
function readCheckSite(dir: string, index: SnapshotIndex): Map<string, SiteEnvironment> {
  const sites = new Map<string, SiteEnvironment>();
  const libraries = new Map<string, PublishedLibrary>();
  for (const [id, name] of Object.entries(index.checkSite ?? {})) {
    const path = join(dir, envDir, `${name}.json`);
    const raw = readJson(path);
    if (sha256(readFileSync(path, 'utf8')) !== name) throw invalid(path, 'its bytes do not hash to its name (the file was changed or damaged)');
    const env = unpackEnvironment(raw);
    if (typeof env === 'string') throw invalid(path, env);
    if (env.id !== id) throw invalid(path, `the index names it for environment ${id}, and it holds ${env.id}`);
    const own: Record<string, PublishedLibrary> = {};
    for (const hash of libraryHashes(env)) {
      if (!libraries.has(hash)) {
        const libPath = join(dir, libDir, `${hash}.json`);
        const lib = unpackLibrary(readJson(libPath));
        if (typeof lib === 'string') throw invalid(libPath, lib);
        libraries.set(hash, lib);
      }
      own[hash] = libraries.get(hash)!;
    }
    sites.set(id, { env, libraries: own });
  }
  return sites;
}

/** What freezing stores about one run. */
export interface FrozenRun {
  result: Result;
  check?: Verdict;
}

export interface SnapshotInput {
  madeAt: string;
  runnerVersion: string;
  environments: Array<{ bound: BoundEnvironment; recipe: string }>;
  runs: FrozenRun[];
  notRun: Array<{ id: string; reason: string }>;
  /** The in-page checker's data of each environment (freeze.ts checks that none is missing). */
  checkSite: SiteEnvironment[];
}

/** Sorted keys, so that the same snapshot is always the same bytes (and diffs stay small). */
function sortedRecord<T>(entries: Array<[string, T]>): Record<string, T> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Writes a file atomically unless it already holds exactly this text (content-addressed: it nearly always does). */
function writeIfChanged(path: string, text: string): void {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileAtomic(path, text);
}

/** Removes the .json files of `sub` that `keep` does not name. */
function removeUnnamed(dir: string, sub: string, keep: { has: (name: string) => boolean }): void {
  for (const name of existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)) : []) {
    if (!keep.has(name.replace(/\.json$/, ''))) rmSync(join(dir, sub, name), { force: true });
  }
}

/**
 * Writes the snapshot: results and check-site files first (each atomically),
 * then the index, then removes files nothing names any more. A reader sees
 * the old index or the new one, each with all of its files present.
 */
export function writeSnapshot(dir: string, input: SnapshotInput): void {
  const byKey = new Map<string, Result>();
  for (const { result } of input.runs) if (!byKey.has(result.key)) byKey.set(result.key, result);
  for (const [key, result] of byKey) {
    const path = join(dir, resultsDir, `${key}.json`);
    // In the schema's key order: a result just run and the same result read from the cache
    // (parsed, so in schema order) must be the same bytes.
    writeIfChanged(path, `${JSON.stringify(resultSchema.parse(result))}\n`);
  }
  const checkSite = packCheckSite(input.checkSite);
  for (const [name, text] of checkSite.envFiles) writeIfChanged(join(dir, envDir, `${name}.json`), text);
  for (const [hash, text] of checkSite.libFiles) writeIfChanged(join(dir, libDir, `${hash}.json`), text);
  const index: SnapshotIndex = {
    format: snapshotFormat,
    madeAt: input.madeAt,
    runnerVersion: input.runnerVersion,
    environments: sortedRecord(input.environments.map((e) => [e.bound.id, { bound: e.bound, recipe: e.recipe }])),
    runs: sortedRecord(input.runs.map((r) => [r.result.id, { key: r.result.key, ...(r.check ? { check: r.check } : {}) }])),
    notRun: sortedRecord(input.notRun.map((n) => [n.id, n.reason])),
    checkSite: checkSite.environments,
  };
  writeFileAtomic(join(dir, indexFile), `${JSON.stringify(index, null, 1)}\n`);
  removeUnnamed(dir, resultsDir, byKey);
  removeUnnamed(dir, envDir, checkSite.envFiles);
  removeUnnamed(dir, libDir, checkSite.libFiles);
}

export interface FilesSize {
  files: number;
  bytes: number;
  gzip: number;
}

function filesSize(files: string[]): FilesSize {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(file);
    bytes += data.length;
    gzip += gzipSync(data).length;
  }
  return { files: files.length, bytes, gzip };
}

const listed = (dir: string, sub: string) => (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).map((n) => join(dir, sub, n)) : []);

/**
 * A snapshot's files and bytes on disk, as they are and gzipped one by one
 * (roughly what git stores): the index with the results, and the check-site data.
 */
export function snapshotSize(dir: string): { results: FilesSize; checkSite: FilesSize } {
  return {
    results: filesSize([join(dir, indexFile), ...listed(dir, resultsDir)]),
    checkSite: filesSize([...listed(dir, envDir), ...listed(dir, libDir)]),
  };
}
