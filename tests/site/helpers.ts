import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { inject } from 'vitest';
import { projectPaths } from '../../src/session/session.ts';

export const root = projectPaths().root;

/**
 * Builds the real site into dist/ once per test run: the first site test file
 * that needs it builds, the others reuse it (files run one at a time).
 */
export async function buildSite(): Promise<void> {
  const marker = join(projectPaths().cacheDir, 'site-built-by-test-run');
  const token = inject('testRun');
  if (existsSync(join(root, 'dist', 'index.html')) && existsSync(marker) && readFileSync(marker, 'utf8') === token) return;
  const build = await inProject(root, 'npx', ['astro', 'build']);
  if (build.exitCode !== 0) throw new Error(`astro build failed:\n${build.all}`);
  mkdirSync(projectPaths().cacheDir, { recursive: true });
  writeFileSync(marker, token);
}

/**
 * Runs a project command under the current (pinned) Node, capturing everything,
 * in a reader's environment: vitest sets NODE_ENV=test and mirrors
 * import.meta.env into process.env (DEV, PROD, MODE...), and a site built with
 * those is a development build (Starlight then has no search).
 */
export function inProject(cwd: string, command: string, args: string[], env: Record<string, string> = {}) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST.*)$/.test(name)),
  );
  return execa(command, args, { cwd, reject: false, all: true, extendEnv: false, env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env } });
}

/** A copy of the site's sources (not its outputs) to break on purpose; node_modules is shared. */
export function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'musl-lab-site-'));
  for (const name of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public', 'content', 'c-probes', 'docker', 'scripts']) {
    cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
