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

/** Every environment's cached facts, for the site build (none when nothing was read yet). */
export function siteData(cacheDir: string): SiteEnvironment[] {
  const dir = join(cacheDir, 'check-site');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SiteEnvironment & { image: string })
    .map(({ env, libraries }) => ({ env, libraries }));
}
