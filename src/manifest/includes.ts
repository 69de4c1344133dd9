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
 */
export function collectIncludes(
  source: string,
  read: (relativePath: string) => string | undefined,
): { files: SourceFile[]; missing: string[] } {
  const files: SourceFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const queue = localIncludes(source);
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const content = read(path);
    if (content === undefined) {
      missing.push(path);
      continue;
    }
    files.push({ path, content });
    queue.push(...localIncludes(content));
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, missing };
}
