import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, chmodSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import type { CompileOutput, CompileSpec } from '../runner/plan.ts';
import type { RawRun } from './lab-run-result.ts';
import { writeFileAtomic } from '../runner/cache.ts';
import { decodeOutput } from '../runner/output.ts';

/**
 * One compilation, whatever runs the compiler: the output folder
 * <cache>/bin/<compile key>/ (the program, named after its source's stem, and
 * whatever else the build writes) is made in a temporary folder and renamed
 * into place; its record <compile key>.json sits beside it, not in it (the
 * whole folder is visible to the program), and is written last.
 * `compiler(outDir)` runs spec.command with outDir mounted at /out.
 */
export async function compileOnce(
  cacheDir: string,
  spec: CompileSpec,
  compiler: (outDir: string) => Promise<RawRun>,
  throwIfAborted: () => void,
): Promise<CompileOutput> {
  const binaryDir = join(cacheDir, 'bin', spec.key);
  const record = `${binaryDir}.json`;
  const program = join(binaryDir, spec.probe.program);
  if (existsSync(record)) {
    const saved = JSON.parse(readFileSync(record, 'utf8')) as Omit<CompileOutput, 'binaryDir' | 'cached'>;
    // A compile that timed out is tried again: on a loaded machine a timeout says more about the
    // load than about the program, and a cached one would stick to every later run (and --force).
    const timedOut = compileTimedOut(saved);
    if (!timedOut && (!saved.ok || existsSync(program))) return { ...saved, binaryDir, cached: true };
  }
  mkdirSync(dirname(binaryDir), { recursive: true });
  const temp = mkdtempSync(`${binaryDir}.tmp-`);
  // mkdtemp makes the folder private; the probe runs as nobody and must read its binary.
  chmodSync(temp, 0o755);
  try {
    const out = await compiler(temp);
    throwIfAborted();
    const exitCode = out.timedOut ? 124 : (out.statusCode ?? 125);
    const built = existsSync(join(temp, spec.probe.program));
    const ok = exitCode === 0 && built;
    const missing = exitCode === 0 && !built ? `\n[the build succeeded but did not write $OUT/${spec.probe.program}]\n` : '';
    const diagnostics = decodeOutput(Buffer.concat([out.stdout, out.stderr])).text + (out.timedOut ? timeoutNote : '') + missing;
    const saved = { ok, exitCode: ok || exitCode !== 0 ? exitCode : 1, diagnostics, durationMs: Math.round(out.totalMs) };
    // A build cut off by its time limit is reported, not kept: the next session builds again.
    if (out.timedOut) return { ...saved, binaryDir: temp, cached: false, timedOut: true };
    rmSync(binaryDir, { recursive: true, force: true });
    renameSync(temp, binaryDir);
    writeFileAtomic(record, JSON.stringify(saved, null, 2));
    return { ...saved, binaryDir, cached: false };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

const timeoutNote = '\n[compiler timed out]\n';

/** The compile was stopped at its time limit (and is therefore tried again rather than reused). */
export function compileTimedOut(compile: { ok: boolean; diagnostics: string }): boolean {
  return !compile.ok && compile.diagnostics.includes(timeoutNote);
}

/** The folder a probe's compile runs in, under /src (the probes folder, read-only). */
export function compileWorkdir(spec: CompileSpec): string {
  const folder = dirname(spec.probe.sourcePath);
  return folder === '.' ? '/src' : `/src/${folder}`;
}
