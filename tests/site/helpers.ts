import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { projectPaths } from '../../src/runner/session.ts';

export const root = projectPaths().root;

/** Runs a project command under the current (pinned) Node, capturing everything. */
export function inProject(cwd: string, command: string, args: string[], env: Record<string, string> = {}) {
  return execa(command, args, { cwd, reject: false, all: true, env: { ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env } });
}

/** A copy of the site's sources (not its outputs) to break on purpose; node_modules is shared. */
export function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'musl-lab-site-'));
  for (const name of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content', 'c-probes', 'docker', 'scripts']) {
    cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
