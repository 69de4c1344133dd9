import type { BoundEnvironment } from '../runner/plan.ts';
import { toolchainNames, toolchains, type ToolchainName } from '../config/toolchains.ts';

/** Asks an image (or root) of the toolchain binding for the first line a shell command prints. */
export type Ask = (where: 'build' | 'run', label: string, command: string) => Promise<string>;

/** A version command that prints its first line, or "missing: <what it said>" when it fails. */
export function versionProbe(command: string): string {
  return `out=$(${command} 2>&1) && printf '%s\\n' "$out" | head -n1 || printf 'missing: %s\\n' "$out" | head -n1`;
}

/** The version line, or undefined (with what was said) when the toolchain is missing. */
export function parseVersion(line: string): { version?: string; problem?: string } {
  return line.startsWith('missing:') || line === 'unknown' ? { problem: line.replace(/^missing:\s*/, '') || 'no output' } : { version: line };
}

/**
 * Binds an environment's toolchain images (or roots): the same environment, other images,
 * with each toolchain's version asked in the build image and each interpreter's in the run image.
 */
export async function bindToolchain(
  base: BoundEnvironment,
  images: Pick<BoundEnvironment, 'buildImage' | 'runImage'>,
  libcVersionCommand: string,
  ask: Ask,
): Promise<BoundEnvironment> {
  const [libc, compiler, ...answers] = await Promise.all([
    ask('run', 'libc', libcVersionCommand),
    ask('build', `cc:${base.cc}`, `${base.cc} --version 2>&1 | head -n1`),
    ...toolchainNames.map((n) => ask('build', `toolchain:${n}`, versionProbe(toolchains[n].versionCommand))),
    ...toolchainNames.map((n) => {
      const i = toolchains[n].interpreter;
      return i ? ask('run', `interpreter:${n}`, versionProbe(i.versionCommand)) : Promise.resolve('missing: not interpreted');
    }),
  ]);
  const found: Partial<Record<ToolchainName, string>> = {};
  const interpreters: Partial<Record<ToolchainName, string>> = {};
  const problems: Partial<Record<ToolchainName, string>> = {};
  toolchainNames.forEach((n, i) => {
    const t = parseVersion(answers[i]!);
    if (t.version) found[n] = t.version;
    else problems[n] = t.problem;
    const interp = parseVersion(answers[toolchainNames.length + i]!);
    if (interp.version) interpreters[n] = interp.version;
  });
  return { ...base, ...images, libc: libc!, compiler: compiler!, toolchains: found, interpreters, toolchainProblems: problems };
}
