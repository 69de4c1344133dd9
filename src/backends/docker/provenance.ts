import type Docker from 'dockerode';
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { runContainer } from './container.ts';
import { writeFileAtomic } from '../../runner/cache.ts';
import { sha256 } from '../../runner/hash.ts';

/**
 * Asks an image what it is: the first line of a shell command's output.
 * Answers are cached by image id, since an image never changes under its id.
 */
export async function askImage(docker: Docker, cacheDir: string, imageId: string, label: string, command: string): Promise<string> {
  const file = join(cacheDir, 'provenance', `${imageId.replace(/[^a-z0-9]/gi, '_')}.json`);
  const known: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // The command is part of the key: changing how a version is read must read it again.
  const slot = `${label}:${sha256(command).slice(0, 12)}`;
  if (known[slot] !== undefined) return known[slot];
  const out = await runContainer(docker, {
    image: imageId,
    cmd: ['/bin/sh', '-c', command],
    workdir: '/',
    binds: [],
    timeoutMs: 20_000,
    memoryMb: 256,
    pids: 32,
    cpus: 1,
    outputBytes: 64 * 1024,
  });
  const line = (out.stdout.toString() + out.stderr.toString()).split('\n').map((l) => l.trim()).find(Boolean) ?? 'unknown';
  known[slot] = line;
  writeFileAtomic(file, JSON.stringify(known, null, 2));
  return line;
}
