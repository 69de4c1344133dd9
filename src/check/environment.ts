import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ElfFacts } from './facts.ts';
import type { EnvironmentView } from './verdict.ts';
import { resolveEnvironment, type EnvironmentSpec, type PathAnswer, type SearchInfo } from './resolve.ts';

export type { EnvironmentSpec } from './resolve.ts';
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

type ReadElf = (path: string) => Promise<ElfFacts>;

/** Parses `ldconfig -p`: soname → path, x86-64 entries only. Pure. */
export function parseLdconfig(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/^\s*(\S+) \(([^)]*)\) => (\S+)$/gm)) {
    if (m[2]!.includes('x86-64') && !map.has(m[1]!)) map.set(m[1]!, m[3]!);
  }
  return map;
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
 * Resolves everything a program needs in one environment (resolve.ts, shared
 * with the page), fetching the environment's files through `files`. Libraries
 * named through $ORIGIN are read from this machine, beside the program: they
 * travel with it.
 */
export async function viewEnvironment(spec: EnvironmentSpec, files: EnvironmentFiles, program: ElfFacts, programPath: string, readElf: ReadElf): Promise<EnvironmentView> {
  return resolveEnvironment(spec, await files.search(), program, dirname(programPath), {
    paths: (paths) => files.paths(paths),
    local: async (paths) => {
      const hit = paths.find((p) => existsSync(p));
      return hit ? { path: hit, facts: await readElf(hit) } : null;
    },
  });
}
