import { cpSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, lstatSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { roots as recipes, type RootRecipe } from '../../config/environments.ts';
import { sha256 } from '../../hash/hash.ts';
import { writeFileAtomic } from '../../runner/cache.ts';
import { LabError } from '../../errors/lab-error.ts';

/** Bumped when the build steps below change what a root contains. */
const builderVersion = 1;

/**
 * Files every root gets, so nothing of the host's /etc reaches a probe: what
 * Docker gives a container without network (empty hosts and resolv.conf), so
 * both backends show the same lookups. A lesson that needs a resolver (its own
 * DNS server as a sidecar) mounts its own files per run. nsswitch.conf is the
 * one Debian's packages install (the musl root has none, like musl-run).
 */
export const controlledEtc: Record<string, string> = {
  hosts: '',
  'resolv.conf': '',
  hostname: 'musl-lab\n',
};

/** Packages whose versions each result's provenance names (the full list is in the root's id). */
const notable = ['libc6', 'libc6-dev', 'gcc-12', 'gcc-14', 'gcc-15', 'gcc-16', 'binutils', 'musl', 'musl-dev', 'busybox-static', 'locales-all'];
/** The toolchains' own packages (toolchain roots), named beside them. */
const notableToolchains = ['golang-go', 'rustc', 'python3'];

/** A built root: where it is, its content id, what it holds. */
export interface RootInfo {
  key: string;
  dir: string;
  /** sha256 over the recipe and every installed package version: changes whenever the content can. */
  id: string;
  /** Versions of the notable packages. */
  packages: Record<string, string>;
  env: Record<string, string>;
  /** Top-level entries: bound one by one into the sandbox's own root, so mount points need no writable root. */
  entries: Array<{ name: string; link?: string }>;
  /** Home folder of nobody in this root (what Docker sets HOME to). */
  nobodyHome: string;
}

export interface RootsOptions {
  rootsDir: string;
  dockerDir: string;
  log: (line: string) => void;
}

/** Where roots are kept: shared by every project cache (they are big), like Docker images. */
export function defaultRootsDir(): string {
  return process.env.MUSL_LAB_ROOTS ?? fileURLToPath(new URL('../../../.cache/sandbox-roots', import.meta.url));
}

export function rootRecipeHash(dockerDir: string, key: string, table: Record<string, RootRecipe> = recipes): string {
  const recipe = table[key];
  if (!recipe) throw new Error(`unknown sandbox root "${key}"`);
  return sha256({
    builderVersion,
    key,
    from: recipe.from,
    env: recipe.env,
    etc: controlledEtc,
    inputs: recipe.inputs.map((p) => [p, readFileSync(join(dockerDir, p), 'utf8')]),
    base: 'base' in recipe.from ? rootRecipeHash(dockerDir, recipe.from.base, table) : null,
  });
}

function rootPath(o: RootsOptions, key: string): string {
  return join(o.rootsDir, `${key}-${rootRecipeHash(o.dockerDir, key).slice(0, 16)}`);
}

/** The root when it is built from the current recipe (its info file is written last). */
export function currentRoot(o: RootsOptions, key: string): RootInfo | undefined {
  const dir = rootPath(o, key);
  const infoFile = `${dir}.json`;
  if (!existsSync(infoFile) || !existsSync(dir)) return undefined;
  return { ...(JSON.parse(readFileSync(infoFile, 'utf8')) as Omit<RootInfo, 'dir'>), dir };
}

/** Runs a shell script (or a command) inside a root being built, with write access to it and no network. */
async function inRoot(dir: string, script: string | string[]): Promise<string> {
  const out = await execa(
    'bwrap',
    ['--bind', dir, '/', '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--unshare-net', '--unshare-pid', '--die-with-parent',
      '--clearenv', '--setenv', 'PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '--setenv', 'LANG', 'C.UTF-8',
      ...(Array.isArray(script) ? script : ['/bin/sh', '-c', script])],
    { stdin: 'ignore' },
  );
  return out.stdout;
}

function installedPackages(list: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const line of list.split('\n')) {
    const [name, version] = line.split('\t');
    if (name && version) all[name] = version;
  }
  return all;
}

/** A folder's entries, symlinks with their targets: what the sandbox binds one by one. */
export function topLevelOf(dir: string): RootInfo['entries'] {
  return readdirSync(dir)
    .sort()
    .map((name) => (lstatSync(join(dir, name)).isSymbolicLink() ? { name, link: readlinkSync(join(dir, name)) } : { name }));
}

function topLevel(dir: string): RootInfo['entries'] {
  return topLevelOf(dir).filter((e) => !['proc', 'dev', 'sys', 'tmp', 'run'].includes(e.name));
}

function writeEtc(dir: string, files: Record<string, string>): void {
  mkdirSync(join(dir, 'etc'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    // debootstrap leaves a copy of the host's resolv.conf (sometimes a symlink): replace, never follow.
    rmSync(join(dir, 'etc', name), { force: true });
    writeFileSync(join(dir, 'etc', name), content);
  }
}

function nobodyHome(dir: string): string {
  const passwd = readFileSync(join(dir, 'etc', 'passwd'), 'utf8');
  return passwd.split('\n').map((l) => l.split(':')).find((f) => f[2] === '65534')?.[5] ?? '/';
}

async function debootstrap(o: RootsOptions, temp: string, packages: string[], suite: string): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new LabError({
      name: 'RootBuildFailed',
      message: 'The sandbox root filesystems are not built yet, and building them (debootstrap) needs root.',
      hint: 'Build them once as root: sudo bash scripts/with-node.sh npm run images -- --sandbox (later runs need no root).',
    });
  }
  o.log(`building the sandbox glibc root from Debian ${suite} packages (debootstrap, about a minute)`);
  mkdirSync(temp, { recursive: true });
  // The same debootstrap recipe as the offline Docker images, unpacked instead of imported.
  await execa('bash', ['-o', 'pipefail', '-c', `bash "$1" "$2" "$4" | tar --numeric-owner -x -C "$3"`, 'make-root', join(o.dockerDir, 'offline/make-rootfs.sh'), packages.join(','), temp, suite], {
    stdin: 'ignore',
  });
  mkdirSync(join(temp, 'usr/local/src'), { recursive: true });
  copyFileSync(join(o.dockerDir, 'reaper/lab-run.c'), join(temp, 'usr/local/src/lab-run.c'));
  copyFileSync(join(o.dockerDir, 'sandbox/lab-enter.c'), join(temp, 'usr/local/src/lab-enter.c'));
  // Static helpers for both libcs, as in the Docker images (lab-run.musl goes to the musl root).
  await inRoot(temp, [
    'set -e',
    'cd /usr/local/src',
    'gcc -O2 -static -o /usr/local/bin/lab-run lab-run.c',
    'gcc -O2 -static -o /usr/local/bin/lab-enter lab-enter.c',
    'musl-gcc -O2 -static -o /usr/local/lib/lab-run.musl lab-run.c',
    'musl-gcc -O2 -static -o /usr/local/lib/lab-enter.musl lab-enter.c',
  ].join('\n'));
}

/** The musl-only root, assembled as docker/offline/musl-run.Dockerfile does, from the glibc root's packages. */
async function muslOnly(base: RootInfo, temp: string): Promise<void> {
  for (const d of ['lib', 'bin', 'usr/bin', 'usr/local/bin', 'etc']) mkdirSync(join(temp, d), { recursive: true });
  copyFileSync(join(base.dir, 'usr/lib/x86_64-linux-musl/libc.so'), join(temp, 'lib/ld-musl-x86_64.so.1'));
  chmodSync(join(temp, 'lib/ld-musl-x86_64.so.1'), 0o755);
  symlinkSync('ld-musl-x86_64.so.1', join(temp, 'lib/libc.musl-x86_64.so.1'));
  symlinkSync('/lib/ld-musl-x86_64.so.1', join(temp, 'usr/bin/ldd'));
  copyFileSync(join(base.dir, 'bin/busybox'), join(temp, 'bin/busybox'));
  copyFileSync(join(base.dir, 'usr/local/lib/lab-run.musl'), join(temp, 'usr/local/bin/lab-run'));
  copyFileSync(join(base.dir, 'usr/local/lib/lab-enter.musl'), join(temp, 'usr/local/bin/lab-enter'));
  for (const f of ['bin/busybox', 'usr/local/bin/lab-run', 'usr/local/bin/lab-enter']) chmodSync(join(temp, f), 0o755);
  writeFileSync(join(temp, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n');
  writeFileSync(join(temp, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
  // Busybox provides sh, ls, cat... as links, the way Alpine's base image does.
  await inRoot(temp, ['/bin/busybox', '--install', '-s', '/bin']);
}

/** Roots of an older recipe of the same key are never used again (their hash is gone). */
function pruneOlder(o: RootsOptions, key: string, current: string): void {
  const own = new RegExp(`^${key.replace(/[^a-z0-9]/g, '\\$&')}-[0-9a-f]{16}(\\.json|\\.all-packages\\.json)?$`);
  for (const name of readdirSync(o.rootsDir)) {
    if (!own.test(name) || join(o.rootsDir, name).startsWith(current)) continue;
    rmSync(join(o.rootsDir, name), { recursive: true, force: true });
  }
}

async function build(o: RootsOptions, key: string): Promise<RootInfo> {
  const recipe = recipes[key]!;
  const dir = rootPath(o, key);
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(o.rootsDir, { recursive: true });
  let packages: Record<string, string>;
  try {
    if ('debootstrap' in recipe.from) {
      await debootstrap(o, temp, recipe.from.debootstrap, recipe.from.suite);
      packages = installedPackages(await inRoot(temp, "dpkg-query -W -f '${Package}\\t${Version}\\n'"));
    } else {
      const base = await ensureRoot(o, recipe.from.base);
      const baseAll = JSON.parse(readFileSync(`${base.dir}.all-packages.json`, 'utf8')) as Record<string, string>;
      if (recipe.from.derive === 'stock') {
        o.log(`deriving the sandbox root ${key} from ${base.key} (without locales-all and musl)`);
        cpSync(base.dir, temp, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
        await inRoot(temp, 'set -e; dpkg --purge locales-all musl-tools musl-dev musl >/dev/null; test ! -e /lib/ld-musl-x86_64.so.1');
        packages = installedPackages(await inRoot(temp, "dpkg-query -W -f '${Package}\\t${Version}\\n'"));
      } else {
        o.log(`assembling the sandbox root ${key} (musl, busybox, no glibc)`);
        await muslOnly(base, temp);
        packages = { musl: baseAll.musl!, 'busybox-static': baseAll['busybox-static']! };
      }
    }
    writeEtc(temp, controlledEtc);
    const info: Omit<RootInfo, 'dir'> = {
      key,
      id: `sha256:${sha256({ recipe: rootRecipeHash(o.dockerDir, key), packages })}`,
      packages: Object.fromEntries([...notable, ...notableToolchains].filter((p) => packages[p]).map((p) => [p, packages[p]!])),
      env: recipe.env,
      entries: topLevel(temp),
      nobodyHome: nobodyHome(temp),
    };
    rmSync(dir, { recursive: true, force: true });
    renameSync(temp, dir);
    writeFileAtomic(`${dir}.all-packages.json`, JSON.stringify(packages, null, 1));
    // Written last: a root without its info file is unfinished and is built again.
    writeFileAtomic(`${dir}.json`, JSON.stringify(info, null, 2));
    pruneOlder(o, key, dir);
    return { ...info, dir };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (error instanceof LabError) throw error;
    const e = error as { stderr?: string; shortMessage?: string; message: string };
    throw new LabError({
      name: 'RootBuildFailed',
      message: `Building the sandbox root "${key}" failed: ${e.shortMessage ?? e.message}\n    ${(e.stderr ?? '').trim().split('\n').slice(-8).join('\n    ')}`,
      hint: 'It needs root, debootstrap, bubblewrap and a reachable Debian mirror; `npm run doctor` says which is missing.',
      cause: error,
    });
  }
}

const building = new Map<string, Promise<RootInfo>>();

/** The root, built (with its base) when missing or out of date. One build per root at a time. */
export function ensureRoot(o: RootsOptions, key: string): Promise<RootInfo> {
  const current = currentRoot(o, key);
  if (current) return Promise.resolve(current);
  const id = rootPath(o, key);
  let pending = building.get(id);
  if (!pending) {
    pending = build(o, key).finally(() => building.delete(id));
    building.set(id, pending);
  }
  return pending;
}
