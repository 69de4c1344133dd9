import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sha256 } from '../hash/hash.ts';
import { writeFileAtomic } from '../runner/cache.ts';
import type { ProbeEntry } from './probe-entry.ts';

/**
 * `npm run build` runs `npm run probes` and then `astro build`, whose loader would
 * load, bind every environment (engine, images, registry check), plan and look up
 * every run again. Instead the CLI hands its entries over in a file, and the
 * loader takes them when the build script says the CLI just ran
 * (MUSL_LAB_FROM_CLI=1) and nothing they depend on changed since.
 */
export const handoffEnv = 'MUSL_LAB_FROM_CLI';

export function handoffFile(cacheDir: string): string {
  return join(cacheDir, 'handoff.json');
}

interface Handoff {
  schema: 1;
  inputs: string;
  writtenAt: string;
  entries: ProbeEntry[];
}

/** What the entries were computed from: every file of c-probes/, the runner version and the backend and image choices. */
export function inputsFingerprint(probesDir: string, runnerVersion: string, env: NodeJS.ProcessEnv = process.env): string {
  const files = readdirSync(probesDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort()
    .map((f) => [relative(probesDir, f), sha256(readFileSync(f).toString('latin1'))]);
  return sha256({ files, runnerVersion, backend: env.MUSL_LAB_BACKEND ?? 'auto', images: env.MUSL_LAB_IMAGES ?? 'auto' });
}

/** Written by `npm run probes` after a full session without mismatches. */
export function writeHandoff(cacheDir: string, inputs: string, entries: ProbeEntry[]): void {
  const handoff: Handoff = { schema: 1, inputs, writtenAt: new Date().toISOString(), entries };
  writeFileAtomic(handoffFile(cacheDir), JSON.stringify(handoff));
}

/** The CLI's entries when they may be used in place of a session, else why not (the loader then runs one). */
export function readHandoff(cacheDir: string, inputs: string): { entries: ProbeEntry[]; writtenAt: string } | { reason: string } {
  const file = handoffFile(cacheDir);
  if (!existsSync(file)) return { reason: 'npm run probes left no results for this build' };
  let handoff: Handoff;
  try {
    handoff = JSON.parse(readFileSync(file, 'utf8')) as Handoff;
  } catch {
    return { reason: `${file} is not readable JSON` };
  }
  if (handoff.schema !== 1) return { reason: `${file} has another format` };
  if (handoff.inputs !== inputs) return { reason: 'probes, the runner or the backend choice changed since npm run probes' };
  return { entries: handoff.entries, writtenAt: handoff.writtenAt };
}
