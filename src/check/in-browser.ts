import { readElfBytes, type ByteSource, type ElfReading } from './elf-reader.ts';
import { resolveEnvironment } from './resolve.ts';
import { judge, type Verdict, type EnvironmentView } from './verdict.ts';
import { publishedPaths, type PublishedEnvironment, type PublishedLibrary, type RecordedMessages } from './published.ts';

/**
 * check-binary in the reader's browser: the file is read where it is (never
 * sent anywhere), the environments come from the data the site build
 * published (/check-data/), and the verdict is the same `judge` over the same
 * library search (resolve.ts) the CLI runs. Effects come in: `fetchJson`.
 */
export interface SiteIndex {
  /** `stale`: why the data is older than the environment (a build from stale frozen results). */
  environments: { id: string; label: string; libc: string; distro: string; stale?: string }[];
  /** Environments the build had no data for, with why (the page names them). */
  missing: MissingEnvironment[];
  messages: RecordedMessages;
}

export interface MissingEnvironment {
  id: string;
  label: string;
  reason: string;
}

export interface PageVerdict extends Verdict {
  label: string;
  libc: string;
  distro: string;
  /** The line the reader would see, with their file's name in it. */
  message?: string;
  /** A run on this site that printed this kind of failure, and its words. */
  seen?: { message: string; run: string };
  /** Why the environment's data is older than the environment, when it is. */
  stale?: string;
}

export interface PageReport {
  name: string;
  reading: ElfReading;
  verdicts: PageVerdict[];
  missing: MissingEnvironment[];
}

/** The page's sentence about environments without data (before a file is given, and under the verdicts). */
export function missingSentence(missing: MissingEnvironment[]): string | undefined {
  if (missing.length === 0) return undefined;
  return `No data for ${missing.map((m) => `${m.label}: ${m.reason}`).join('; ')}. ${missing.length === 1 ? 'That environment is' : 'Those environments are'} not judged.`;
}

export type FetchJson = (path: string) => Promise<unknown>;

/** One loader of the published data per page: each file is fetched once, whatever the number of checks. */
export function siteData(fetchJson: FetchJson) {
  const memo = new Map<string, Promise<unknown>>();
  const get = <T>(path: string) => {
    if (!memo.has(path)) memo.set(path, fetchJson(path));
    return memo.get(path)! as Promise<T>;
  };
  return {
    index: () => get<SiteIndex>('index.json'),
    env: (id: string) => get<PublishedEnvironment>(`env/${id}.json`),
    library: (hash: string) => get<PublishedLibrary>(`lib/${hash}.json`),
  };
}

export async function checkFile(name: string, source: ByteSource, data: ReturnType<typeof siteData>): Promise<PageReport> {
  const reading = await readElfBytes(source);
  const index = await data.index();
  const program = `./${name}`;
  const verdicts = await Promise.all(
    index.environments.map(async (e): Promise<PageVerdict> => {
      const base = { label: e.label, libc: e.libc, distro: e.distro, ...(e.stale ? { stale: e.stale } : {}) };
      // A file the reader could not read completely is not judged: its facts are partial.
      if (reading.problems.length > 0) return { ...base, env: e.id, verdict: 'unknown', reasons: reading.problems };
      const env = await data.env(e.id);
      const spec = { id: env.id, family: env.family, machine: env.machine };
      const view: EnvironmentView = reading.facts.isElf
        ? await resolveEnvironment(spec, env.search, reading.facts, '/', {
            paths: (paths) => publishedPaths(env, paths, data.library),
            // Files beside the program (its $ORIGIN) are not here: only the dropped file is.
            local: async () => null,
          })
        : { ...spec, interpreterExists: () => false, findLibrary: () => undefined };
      const v = judge(program, reading.facts, view);
      const seen = v.failure ? index.messages[e.id]?.[v.failure] : undefined;
      // The shell's words for a missing interpreter depend on the environment's shell, not on the
      // file: the recorded line with this file's name is what the reader would see.
      const message = v.failure === 'interpreter' && seen ? seen.message.replaceAll('{program}', program) : v.symptom;
      return { ...base, ...v, ...(message ? { message } : {}), ...(seen ? { seen: { message: seen.line, run: seen.run } } : {}) };
    }),
  );
  return { name, reading, verdicts, missing: index.missing };
}

/** A ByteSource over a browser File (or Blob): only the ranges asked for are read. */
export function fileSource(file: Blob): ByteSource {
  return { size: file.size, read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()) };
}
