import type Docker from 'dockerode';
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { runContainer } from './container.ts';
import { writeFileAtomic } from '../../runner/cache.ts';
import { sha256 } from '../../hash/hash.ts';

/**
 * Asks an image what it is: the first line of a shell command's output.
 * Answers are cached by image id (an image never changes under its id) and by
 * the command, one file per answer, so two questions asked at once never
 * overwrite each other's answer.
 */
export async function askImage(docker: Docker, cacheDir: string, imageId: string, label: string, command: string): Promise<string> {
  const file = join(cacheDir, 'provenance', `${imageId.replace(/[^a-z0-9]/gi, '_')}-${label.replace(/[^a-z0-9]/gi, '_')}-${sha256(command).slice(0, 12)}.txt`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
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
  writeFileAtomic(file, line);
  return line;
}
