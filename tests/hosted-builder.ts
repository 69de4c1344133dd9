/** Shared by integration and site tests (not a test file itself). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

let made: string | undefined;

/**
 * The environment of a hosted builder, as far as a test can make it: no
 * Docker engine (DOCKER_HOST names a socket that does not exist) and no
 * bubblewrap (a PATH holding every program of this one except bwrap).
 */
export function hostedBuilderEnv(): Record<string, string> {
  if (!made) {
    made = mkdtempSync(join(tmpdir(), 'musl-lab-no-bwrap-'));
    const bin = join(made, 'bin');
    mkdirSync(bin);
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (!dir || !existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        if (name === 'bwrap' || existsSync(join(bin, name))) continue;
        symlinkSync(join(dir, name), join(bin, name));
      }
    }
  }
  return { DOCKER_HOST: `unix://${join(made, 'no-engine.sock')}`, PATH: join(made, 'bin') };
}
