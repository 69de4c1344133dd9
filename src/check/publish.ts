import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { ElfFacts } from './facts.ts';
import type { EnvironmentShell } from './environment.ts';
import { EnvironmentFiles } from './environment.ts';
import { glibcDefaultDirs, muslDefaultDirs } from './resolve.ts';
import { publishLibrary, type PublishedEnvironment, type PublishedLibrary } from './published.ts';
import { environmentById } from '../config/environments.ts';
import { writeFileAtomic } from '../runner/cache.ts';
import type { BoundEnvironment } from '../runner/plan.ts';

/**
 * Reads, for each bound environment, what the in-page checker needs (the
 * search info check-binary reads, and every shared library and loader in the
 * folders a loader searches, read with readelf) and keeps it in the cache
 * under the environment's id (check-site/<id>.json), keyed by its image: the
 * site build publishes whatever is there (src/pages/check-data/).
 */
export interface SiteEnvironment {
  env: PublishedEnvironment;
  libraries: Record<string, PublishedLibrary>;
}

// For each folder: "D<TAB>folder<TAB>real folder"; each library or loader in a real folder
// (links followed) is copied to /out/<n>: "F<TAB>real folder<TAB>name<TAB>n".
const listScript = `
i=0; seen=" "
for d in "$@"; do
  [ -d "$d" ] || continue
  real=$(cd "$d" && pwd -P) || continue
  echo "D	$d	$real"
  case "$seen" in *" $real "*) continue;; esac
  seen="$seen$real "
  for f in "$real"/*; do
    name=\${f##*/}
    case "$name" in *.so|*.so.*|ld-*) ;; *) continue;; esac
    [ -f "$f" ] || continue
    i=$((i+1))
    cp -L "$f" "/out/$i" && echo "F	$real	$name	$i"
  done
done`;

export async function readSiteEnvironment(env: BoundEnvironment, shell: EnvironmentShell, cacheDir: string, machine: string, readElf: (path: string) => Promise<ElfFacts>): Promise<SiteEnvironment> {
  const config = environmentById(env.id);
  const search = await new EnvironmentFiles(shell, cacheDir, readElf).search();
  const dirs = [...new Set([...glibcDefaultDirs, ...muslDefaultDirs, ...(search.muslPath ?? []), ...search.cache.map(([, p]) => p.slice(0, p.lastIndexOf('/')))])];
  const published: PublishedEnvironment = { id: env.id, label: config.label, family: config.family, libc: env.libc, distro: env.distro, machine, search, dirs: {}, files: {} };
  const libraries: Record<string, PublishedLibrary> = {};
  const work = join(cacheDir, 'check-site');
  mkdirSync(work, { recursive: true });
  const out = mkdtempSync(join(work, 'out-'));
  chmodSync(out, 0o777);
  try {
    const listing = await shell.run(listScript, dirs, out);
    for (const line of listing.split('\n')) {
      const [kind, a, b, c] = line.split('\t');
      if (kind === 'D' && a && b) published.dirs[a] = b;
      if (kind === 'F' && a && b && c) {
        const file = join(out, c);
        const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 20);
        libraries[hash] ??= publishLibrary(await readElf(file));
        (published.files[a] ??= {})[b] = hash;
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { env: published, libraries };
}

/** The cached facts of each environment (by id), refreshed when its image changed. */
export async function refreshSiteData(
  envs: Iterable<BoundEnvironment>,
  shellOf: ((env: BoundEnvironment) => EnvironmentShell) | undefined,
  cacheDir: string,
  machine: () => Promise<string>,
  readElf: (path: string) => Promise<ElfFacts>,
  log: (line: string) => void,
): Promise<void> {
  if (!shellOf) return;
  for (const env of envs) {
    const file = join(cacheDir, 'check-site', `${env.id}.json`);
    const shell = shellOf(env);
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { image: string }).image === shell.id) continue;
    log(`check-site: reading the loader and libraries of ${env.id} for the in-page checker`);
    const data = await readSiteEnvironment(env, shell, cacheDir, await machine(), readElf);
    writeFileAtomic(file, JSON.stringify({ image: shell.id, ...data }));
  }
}

/**
 * What a build from frozen results has per environment instead of a read
 * (src/frozen/thaw.ts decides): the snapshot's data, marked when the
 * environment's recipe changed since (MUSL_LAB_ALLOW_STALE), or why there is none.
 */
export type FrozenSite = { site: SiteEnvironment; stale?: string } | { absent: string };

/** One check-site/<id>.json of the cache: read from the environment, from the snapshot, or why there is none. */
type CachedSite = { image: string } & ({ env: PublishedEnvironment; libraries: Record<string, PublishedLibrary>; stale?: string } | { absent: string });

/**
 * A build from frozen results puts the snapshot's data where siteData reads
 * it, under an image id no backend has ("frozen:…"), so the next build that
 * can read the environment reads it again; an environment the snapshot has no
 * data for gets why, which the page shows. Every environment of the build is
 * written, so no older read of this cache mixes with the snapshot's.
 */
export function storeFrozenSiteData(cacheDir: string, sites: Map<string, FrozenSite>): void {
  for (const [id, frozen] of sites) {
    const file = join(cacheDir, 'check-site', `${id}.json`);
    const cached: CachedSite = 'absent' in frozen
      ? { image: 'frozen:absent', absent: frozen.absent }
      : { image: `frozen:${frozen.site.env.id}`, ...frozen.site, ...(frozen.stale ? { stale: frozen.stale } : {}) };
    writeFileAtomic(file, JSON.stringify(cached));
  }
}

export interface SiteData {
  /** Environments with data; `stale` says why their data is older than their recipe (frozen builds only). */
  environments: Array<SiteEnvironment & { stale?: string }>;
  /** Environment id → why the cache has no data for it (frozen builds: the snapshot lacks it). */
  absent: Record<string, string>;
}

/** Every environment's cached facts, for the site build (none when nothing was read yet). */
export function siteData(cacheDir: string): SiteData {
  const dir = join(cacheDir, 'check-site');
  const data: SiteData = { environments: [], absent: {} };
  if (!existsSync(dir)) return data;
  for (const f of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const cached = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CachedSite;
    if ('absent' in cached) data.absent[f.slice(0, -'.json'.length)] = cached.absent;
    else data.environments.push({ env: cached.env, libraries: cached.libraries, ...(cached.stale ? { stale: cached.stale } : {}) });
  }
  return data;
}

/** What /check-data/ publishes: the data of the site's environments in their order, and those without data with why. */
export interface PublishedSite {
  environments: SiteData['environments'];
  missing: Array<{ id: string; label: string; reason: string }>;
}

/** The reason a build that can read environments gives for one it did not read. */
export const notReadReason = 'the build that made this site did not read it';

/** Pure: the site's environments (ids in config order, with labels) against what the cache holds. */
export function publishedSite(data: SiteData, environments: Array<{ id: string; label: string }>): PublishedSite {
  const order = environments.map((e) => e.id);
  return {
    environments: data.environments.filter((d) => order.includes(d.env.id)).sort((a, b) => order.indexOf(a.env.id) - order.indexOf(b.env.id)),
    missing: environments
      .filter((e) => !data.environments.some((d) => d.env.id === e.id))
      .map((e) => ({ id: e.id, label: e.label, reason: data.absent[e.id] ?? notReadReason })),
  };
}
