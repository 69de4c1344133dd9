import type Docker from 'dockerode';
import { runContainer } from './container.ts';
import type { EnvironmentShell } from '../../check/environment.ts';

/** A shell in a fresh container of an environment's run image (read-only root, no network, as nobody). */
export function dockerShell(docker: Docker, imageId: string): EnvironmentShell {
  return {
    id: imageId,
    run: async (script, args, outDir) => {
      const out = await runContainer(docker, {
        image: imageId,
        cmd: ['/bin/sh', '-c', script, 'sh', ...args],
        workdir: '/',
        user: '65534:65534',
        binds: [`${outDir}:/out`],
        timeoutMs: 60_000,
        memoryMb: 256,
        pids: 32,
        cpus: 1,
        outputBytes: 4 * 1024 * 1024,
      });
      return out.stdout.toString('utf8');
    },
  };
}
