import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { CompileOutput } from './plan.ts';
import type { Probe } from '../manifest/probe.ts';
import { LabError } from '../errors/lab-error.ts';
import { writeFileAtomic } from './cache.ts';
import { sha256 } from '../hash/hash.ts';

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
  /** The packages unpacked beside the program (npm.with), each as the registry described it. */
  with?: Omit<FetchRecord, 'durationMs' | 'with'>[];
}

/** Runs a command and returns its stdout; injected so tests can fetch without a registry. */
export type Exec = (file: string, args: string[], cwd: string) => Promise<string>;

const realExec: Exec = async (file, args, cwd) => (await execa(file, args, { cwd, stdin: 'ignore' })).stdout;

export function npmCacheFolder(cacheDir: string, build: NpmBuild): string {
  // Packages unpacked beside the program make another folder: the program alone stays where it was.
  const extras = build.with?.length ? `+${sha256(build.with).slice(0, 12)}` : '';
  return join(cacheDir, 'npm', `${build.package.replace('/', '+')}@${build.version}${extras}`);
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
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const describeOne = (r: Omit<FetchRecord, 'durationMs' | 'with'>) => `npm pack ${r.spec}: ${mb(r.tarballBytes)} MB tarball, ${mb(r.unpackedBytes)} MB unpacked, integrity ${r.integrity}`;
  const describe = (r: FetchRecord) => [describeOne(r), ...(r.with ?? []).map((w) => `${describeOne(w)} (in node_modules/)`)].join('\n');
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
    const pack = async (what: string, into: string): Promise<Omit<FetchRecord, 'durationMs' | 'with'>> => {
      let info: PackInfo;
      log(`fetching ${what} from the npm registry (once; kept in the cache)`);
      try {
        const out = await exec('npm', ['pack', what, '--json', '--silent', '--pack-destination', temp], temp);
        info = (JSON.parse(out) as PackInfo[])[0]!;
      } catch (error) {
        throw new LabError({
          name: 'NpmFetchFailed',
          message: `${probe.manifestFile}: could not fetch ${what} from the npm registry: ${(error as { shortMessage?: string; message: string }).shortMessage ?? (error as Error).message}`,
          hint: 'Check the package name and exact version on the registry (npm view <name> versions), and that the registry is reachable (npm ping).',
          file: probe.manifestFile,
        });
      }
      mkdirSync(into, { recursive: true });
      // Every registry tarball has one top folder (usually "package/"); strip it whatever its name.
      await exec('tar', ['-xzf', join(temp, info.filename), '-C', into, '--strip-components=1', '--no-same-owner'], temp);
      return { spec: what, integrity: info.integrity, tarballBytes: info.size, unpackedBytes: info.unpackedSize };
    };
    const unpacked = join(temp, 'package');
    const main = await pack(spec, unpacked);
    const extras = [];
    for (const w of build.with ?? []) extras.push(await pack(`${w.package}@${w.version}`, join(unpacked, 'node_modules', w.package)));
    markPrograms(unpacked, build.bin);
    chmodSync(unpacked, 0o755);
    const saved: FetchRecord = { ...main, durationMs: Math.round(performance.now() - started), ...(extras.length ? { with: extras } : {}) };
    rmSync(folder, { recursive: true, force: true });
    renameSync(unpacked, folder);
    writeFileAtomic(record, JSON.stringify(saved, null, 2));
    if (!existsSync(join(folder, build.bin))) throw missingBin();
    return { ok: true, exitCode: 0, diagnostics: describe(saved), durationMs: saved.durationMs, binaryDir: folder, cached: false };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
