import { posix } from 'node:path';

/**
 * Local headers a probe includes (#include "x.h"), found recursively, so that
 * editing a shared header changes the cache key of every probe that uses it.
 * System headers (<...>) belong to the environment and are covered by its image id.
 */
const includePattern = /^\s*#\s*include\s*"([^"]+)"/gm;

export interface SourceFile {
  /** Path relative to the probe's folder. */
  path: string;
  content: string;
}

export function localIncludes(source: string): string[] {
  return [...source.matchAll(includePattern)].map((m) => m[1]!);
}

/**
 * Resolves includes starting from one source text. `read` returns a file's
 * text relative to the probe folder, or undefined when it does not exist.
 * Like the compiler, a header's own includes are looked up next to that
 * header first, then in the probe's folder.
 */
export function collectIncludes(
  source: string,
  read: (relativePath: string) => string | undefined,
): { files: SourceFile[]; missing: string[] } {
  const files: SourceFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const texts = new Map<string, string | undefined>();
  const readOnce = (path: string) => {
    if (!texts.has(path)) texts.set(path, read(path));
    return texts.get(path);
  };
  const queue: Array<{ name: string; from: string }> = localIncludes(source).map((name) => ({ name, from: '.' }));
  while (queue.length > 0) {
    const { name, from } = queue.shift()!;
    const candidates = [...new Set([posix.normalize(posix.join(from, name)), posix.normalize(name)])];
    const path = candidates.find((c) => readOnce(c) !== undefined);
    if (path === undefined) {
      if (!missing.includes(name)) missing.push(name);
      continue;
    }
    if (seen.has(path)) continue;
    seen.add(path);
    const content = readOnce(path)!;
    files.push({ path, content });
    queue.push(...localIncludes(content).map((n) => ({ name: n, from: posix.dirname(path) })));
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, missing };
}
