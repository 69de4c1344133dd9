import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { resultSchema, type Result } from './result.ts';

/** Writes a file so that readers see the old content or the new, never half of it. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Results by cache key. The key is a content hash (see plan.ts), so an entry
 * is never stale: a change to anything that matters gives a different key.
 */
export class ResultCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  path(key: string): string {
    return join(this.dir, 'results', key.slice(0, 2), `${key}.json`);
  }

  /** The cached result, or undefined when absent or unreadable (then it is simply re-run). */
  get(key: string): Result | undefined {
    const path = this.path(key);
    if (!existsSync(path)) return undefined;
    try {
      const parsed = resultSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success && parsed.data.key === key ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  put(result: Result): void {
    writeFileAtomic(this.path(result.key), `${JSON.stringify(result, null, 2)}\n`);
  }
}
