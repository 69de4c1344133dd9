import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { CompileOutput } from './plan.ts';
import type { Probe } from '../manifest/probe.ts';
import { LabError } from '../errors/lab-error.ts';
import { writeFileAtomic } from './cache.ts';

type NpmBuild = Extract<Probe['build'], { kind: 'npm' }>;

/** What `npm pack --json` reports about one tarball (the fields this module reads). */
interface PackInfo {
  filename: string;
  integrity: string;
  size: number;
  unpackedSize: number;
}

export interface FetchRecord {
  spec: string;
  integrity: string;
  tarballBytes: number;
  unpackedBytes: number;
  durationMs: number;
}

/** Runs a command and returns its stdout; injected so tests can fetch without a registry. */
export type Exec = (file: string, args: string[], cwd: string) => Promise<string>;

const realExec: Exec = async (file, args, cwd) => (await execa(file, args, { cwd, stdin: 'ignore' })).stdout;

export function npmCacheFolder(cacheDir: string, build: NpmBuild): string {
  return join(cacheDir, 'npm', `${build.package.replace('/', '+')}@${build.version}`);
}

/**
 * Makes a package's programs executable, as `npm install` does for the files its
 * package.json lists under "bin" (tarballs need not carry the x bit).
 */
function markPrograms(folder: string, requested: string): void {
  const pkgFile = join(folder, 'package.json');
  const bins: string[] = [requested];
  if (existsSync(pkgFile)) {
    const bin = (JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin?: string | Record<string, string> }).bin;
    if (typeof bin === 'string') bins.push(bin);
    else if (bin) bins.push(...Object.values(bin));
  }
  for (const b of bins) {
    const file = join(folder, b);
    if (existsSync(file)) chmodSync(file, statSync(file).mode | 0o555);
  }
}

/**
 * Fetches a prebuilt program with `npm pack` (the registry's own tarball, checked
 * against its integrity by npm) and unpacks it once into the cache: the result is
 * the folder a run mounts at /probe. A network or registry failure is an error,
 * not a result: it says nothing about an environment.
 */
export async function fetchNpmProgram(probe: Probe, cacheDir: string, exec: Exec = realExec, log: (line: string) => void = () => undefined): Promise<CompileOutput> {
  const build = probe.build as NpmBuild;
  const spec = `${build.package}@${build.version}`;
  const folder = npmCacheFolder(cacheDir, build);
  const record = `${folder}.json`;
  const describe = (r: FetchRecord) =>
    `npm pack ${r.spec}: ${(r.tarballBytes / 1e6).toFixed(1)} MB tarball, ${(r.unpackedBytes / 1e6).toFixed(1)} MB unpacked, integrity ${r.integrity}`;
  const missingBin = () =>
    new LabError({
      name: 'ManifestInvalid',
      message: `${probe.manifestFile}: npm.bin "${build.bin}" is not a file in ${spec}.`,
      hint: `Files at the top of the package: ${readdirSync(folder).join(', ')}. Set "bin" to the program's path inside the package.`,
      file: probe.manifestFile,
    });
  if (existsSync(record) && existsSync(folder)) {
    if (!existsSync(join(folder, build.bin))) throw missingBin();
    const saved = JSON.parse(readFileSync(record, 'utf8')) as FetchRecord;
    return { ok: true, exitCode: 0, diagnostics: describe(saved), durationMs: saved.durationMs, binaryDir: folder, cached: true };
  }
  mkdirSync(join(cacheDir, 'npm'), { recursive: true });
  const temp = mkdtempSync(`${folder}.tmp-`);
  const started = performance.now();
  try {
    let info: PackInfo;
    log(`fetching ${spec} from the npm registry (once; kept in the cache)`);
    try {
      const out = await exec('npm', ['pack', spec, '--json', '--silent', '--pack-destination', temp], temp);
      info = (JSON.parse(out) as PackInfo[])[0]!;
    } catch (error) {
      throw new LabError({
        name: 'NpmFetchFailed',
        message: `${probe.manifestFile}: could not fetch ${spec} from the npm registry: ${(error as { shortMessage?: string; message: string }).shortMessage ?? (error as Error).message}`,
        hint: 'Check the package name and exact version on the registry (npm view <name> versions), and that the registry is reachable (npm ping).',
        file: probe.manifestFile,
      });
    }
    const unpacked = join(temp, 'package');
    mkdirSync(unpacked);
    // Every registry tarball has one top folder (usually "package/"); strip it whatever its name.
    await exec('tar', ['-xzf', join(temp, info.filename), '-C', unpacked, '--strip-components=1', '--no-same-owner'], temp);
    markPrograms(unpacked, build.bin);
    chmodSync(unpacked, 0o755);
    const saved: FetchRecord = {
      spec,
      integrity: info.integrity,
      tarballBytes: info.size,
      unpackedBytes: info.unpackedSize,
      durationMs: Math.round(performance.now() - started),
    };
    rmSync(folder, { recursive: true, force: true });
    renameSync(unpacked, folder);
    writeFileAtomic(record, JSON.stringify(saved, null, 2));
    if (!existsSync(join(folder, build.bin))) throw missingBin();
    return { ok: true, exitCode: 0, diagnostics: describe(saved), durationMs: saved.durationMs, binaryDir: folder, cached: false };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
