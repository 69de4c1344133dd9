import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { z } from 'zod';
import { imageRefSchema, resultSchema, type Result } from '../runner/result.ts';
import { writeFileAtomic } from '../runner/cache.ts';
import { LabError } from '../errors/lab-error.ts';
import type { BoundEnvironment } from '../runner/plan.ts';
import type { Verdict } from '../check/verdict.ts';

/**
 * The frozen results: what `npm run freeze` writes after a real run and what a
 * build uses when it cannot run anything (no engine, no sandbox). Layout:
 *
 *   frozen/index.json            the index (this schema): when, which environments, every run id → run key
 *   frozen/results/<key>.json    one Result per run key, compact JSON (identical runs share one file)
 *
 * Content-addressed: a result's file is named by its run key, so refreezing
 * rewrites only the runs whose inputs changed, and a git diff shows exactly those.
 */
export const snapshotFormat = 1;

const boundEnvironmentSchema = z.object({
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
});

const verdictSchema = z.object({
  env: z.string(),
  verdict: z.enum(['runs', 'fails', 'unknown']),
  reasons: z.array(z.string()),
  symptom: z.string().optional(),
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
});
export type SnapshotIndex = z.infer<typeof snapshotIndexSchema>;

/** A snapshot in memory: its index and its results by run key. */
export interface Snapshot {
  index: SnapshotIndex;
  results: Map<string, Result>;
}

export const indexFile = 'index.json';
const resultsDir = 'results';

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
  return { index, results };
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
}

/** Sorted keys, so that the same snapshot is always the same bytes (and diffs stay small). */
function sortedRecord<T>(entries: Array<[string, T]>): Record<string, T> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Writes the snapshot: results first (each atomically), then the index, then
 * removes result files no run names any more. A reader sees the old index or
 * the new one, each with all of its results present.
 */
export function writeSnapshot(dir: string, input: SnapshotInput): void {
  const byKey = new Map<string, Result>();
  for (const { result } of input.runs) if (!byKey.has(result.key)) byKey.set(result.key, result);
  for (const [key, result] of byKey) {
    const path = join(dir, resultsDir, `${key}.json`);
    const text = `${JSON.stringify(result)}\n`;
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileAtomic(path, text);
  }
  const index: SnapshotIndex = {
    format: snapshotFormat,
    madeAt: input.madeAt,
    runnerVersion: input.runnerVersion,
    environments: sortedRecord(input.environments.map((e) => [e.bound.id, { bound: e.bound, recipe: e.recipe }])),
    runs: sortedRecord(input.runs.map((r) => [r.result.id, { key: r.result.key, ...(r.check ? { check: r.check } : {}) }])),
    notRun: sortedRecord(input.notRun.map((n) => [n.id, n.reason])),
  };
  writeFileAtomic(join(dir, indexFile), `${JSON.stringify(index, null, 1)}\n`);
  for (const name of existsSync(join(dir, resultsDir)) ? readdirSync(join(dir, resultsDir)) : []) {
    if (!byKey.has(name.replace(/\.json$/, ''))) rmSync(join(dir, resultsDir, name), { force: true });
  }
}

/** A snapshot's files and bytes on disk, as they are and gzipped one by one (roughly what git stores). */
export function snapshotSize(dir: string): { files: number; bytes: number; gzip: number } {
  const results = existsSync(join(dir, resultsDir)) ? readdirSync(join(dir, resultsDir)).map((n) => join(dir, resultsDir, n)) : [];
  let bytes = 0;
  let gzip = 0;
  for (const file of [join(dir, indexFile), ...results]) {
    const data = readFileSync(file);
    bytes += data.length;
    gzip += gzipSync(data).length;
  }
  return { files: results.length + 1, bytes, gzip };
}
