import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolchainPackages } from './toolchains.ts';

/**
 * The libc environments every probe runs in, and the images behind them.
 * Adding an environment is a change here (and its image recipe in docker/),
 * not in the runner: pages and matrices take their columns from this list.
 */

/** Where images come from: a registry's distribution images, or Debian packages only. */
export type ImageSource = 'upstream' | 'offline';

export interface ImageRecipe {
  /** Docker repository; the tag is "<suite>-<recipe hash>" (see `images`). */
  repo: string;
  /** Debian suite or distribution version the image is made from (first part of its tag). */
  suite: string;
  /** Dockerfile, relative to docker/ (the build context). */
  dockerfile: string;
  /** Build arguments that name other images of this config, by image key. */
  imageArgs?: Record<string, string>;
  /** For offline images: a root filesystem of this Debian suite made by docker/offline/make-rootfs.sh. */
  rootfs?: { suite: Suite; packages: string[] };
  /** Files under docker/ whose content defines the image (hashed into its recipe label). */
  inputs: string[];
}

export interface EnvironmentFlavour {
  /** Distribution shown to readers, e.g. "Alpine 3.22". */
  distro: string;
  /** Image key (see `images`) to compile in. */
  build: string;
  /** Image key to run in. */
  run: string;
  /** Compiler driver inside the build image. */
  cc: string;
  /**
   * Image (or root) keys where Go, Rust and Python probes compile and run (src/config/toolchains.ts);
   * without it such probes are shown as not run in this environment.
   */
  toolchain?: { build: string; run: string };
}

export interface Environment {
  id: string;
  label: string;
  family: 'glibc' | 'musl';
  /** The Debian suite its offline images and sandbox roots come from. */
  suite: Suite;
  /**
   * Debian sid: it moves daily and cannot be pinned. Its results record the exact package versions
   * (part of the cache key); a disagreement is shown and reported, never a build failure.
   */
  edge?: boolean;
  flavours: Record<ImageSource, EnvironmentFlavour>;
  /** Shell command, run in the run image, whose first line names the libc and its version. */
  libcVersionCommand: string;
  /** Runs only the probes whose manifest names it (for one-off comparisons), not every probe. */
  optIn?: boolean;
  /** The daemonless sandbox backend: root filesystems (see `roots`) to compile and run in. */
  sandbox: EnvironmentFlavour;
}

/**
 * A root filesystem of the sandbox backend, built from Debian packages into
 * the roots cache (src/backends/sandbox/roots.ts), never the host's own root.
 */
export interface RootRecipe {
  /** A debootstrap of a Debian suite with these packages, or a root derived from another one. */
  from: { debootstrap: string[]; suite: Suite } | { base: string; derive: 'musl-only' | 'stock' };
  /** Environment variables every program in it gets (what the Docker image sets with ENV). */
  env: Record<string, string>;
  /** Files under docker/ whose content defines the root (hashed into its recipe). */
  inputs: string[];
}

const reaper = 'reaper/lab-run.c';

/** The Debian suites environments are built from (see docs in /work/shared/TOOLCHAIN.md-like notes in README). */
export const suites = ['bookworm', 'trixie', 'sid'] as const;
export type Suite = (typeof suites)[number];

/** The suite whose environments lessons show side by side: Debian's current stable (glibc 2.41, musl 1.2.5 on 2026-11). */
export const defaultSuite: Suite = 'trixie';

/** Debian release names readers know; sid moves daily, so its environments are "edge". */
const suiteDistro: Record<Suite, string> = {
  bookworm: 'Debian 12 (bookworm)',
  trixie: 'Debian 13 (trixie)',
  sid: 'Debian sid (unstable, edge)',
};

const offlinePackages = ['gcc', 'libc6-dev', 'musl-tools', 'musl-dev', 'busybox-static', 'binutils', 'file', 'locales-all'];

function suiteImages(suite: Suite): Record<string, ImageRecipe> {
  return {
    [`debian-glibc-${suite}`]: {
      repo: 'musl-lab/debian-glibc',
      suite,
      dockerfile: 'offline/glibc.Dockerfile',
      rootfs: { suite, packages: offlinePackages },
      inputs: ['offline/glibc.Dockerfile', 'offline/make-rootfs.sh', reaper],
    },
    [`musl-run-${suite}`]: {
      repo: 'musl-lab/musl-run',
      suite,
      dockerfile: 'offline/musl-run.Dockerfile',
      imageArgs: { BUILD: `debian-glibc-${suite}` },
      inputs: ['offline/musl-run.Dockerfile'],
    },
  };
}

/**
 * Go, Rust and Python toolchains (src/config/toolchains.ts): the suite's build packages plus the
 * toolchains' Debian packages, for the default pair's suite only (a cold CI build makes every image
 * from scratch; each further suite would add a debootstrap of about 1.4 GB).
 */
const toolchainSuite: Suite = defaultSuite;
const toolchainImagePackages = [...offlinePackages, ...toolchainPackages];

const imageTable: Record<string, ImageRecipe> = {
  [`debian-toolchains-${toolchainSuite}`]: {
    repo: 'musl-lab/debian-toolchains',
    suite: toolchainSuite,
    dockerfile: 'offline/glibc.Dockerfile',
    rootfs: { suite: toolchainSuite, packages: toolchainImagePackages },
    inputs: ['offline/glibc.Dockerfile', 'offline/make-rootfs.sh', reaper],
  },
  'ubuntu-glibc': {
    repo: 'musl-lab/ubuntu-glibc',
    suite: '24.04',
    dockerfile: 'upstream/ubuntu-glibc.Dockerfile',
    inputs: ['upstream/ubuntu-glibc.Dockerfile', reaper],
  },
  'alpine-musl': {
    repo: 'musl-lab/alpine-musl',
    suite: '3.22',
    dockerfile: 'upstream/alpine-musl.Dockerfile',
    inputs: ['upstream/alpine-musl.Dockerfile', reaper],
  },
  ...suiteImages('bookworm'),
  ...suiteImages('trixie'),
  ...suiteImages('sid'),
  'debian-glibc-stock': {
    repo: 'musl-lab/debian-glibc-stock',
    suite: defaultSuite,
    dockerfile: 'common/stock.Dockerfile',
    imageArgs: { BASE: `debian-glibc-${defaultSuite}` },
    inputs: ['common/stock.Dockerfile'],
  },
  'ubuntu-glibc-stock': {
    repo: 'musl-lab/ubuntu-glibc-stock',
    suite: '24.04',
    dockerfile: 'common/stock.Dockerfile',
    imageArgs: { BASE: 'ubuntu-glibc' },
    inputs: ['common/stock.Dockerfile'],
  },
};

/** Where the image recipes are read from (MUSL_LAB_DOCKER redirects it for tests). */
export function recipeDir(): string {
  return process.env.MUSL_LAB_DOCKER ?? fileURLToPath(new URL('../../docker', import.meta.url));
}

/** Hash of everything an image is made from, its dependencies' recipes included (never its tag). */
export function recipeHash(dockerDir: string, key: string, table: Record<string, ImageRecipe> = imageTable): string {
  const recipe = table[key];
  if (!recipe) throw new Error(`unknown image "${key}"`);
  return createHash('sha256')
    .update(
      JSON.stringify({
        key,
        repo: recipe.repo,
        dockerfile: recipe.dockerfile,
        rootfs: recipe.rootfs,
        inputs: recipe.inputs.map((p) => [p, existsSync(join(dockerDir, p)) ? readFileSync(join(dockerDir, p), 'utf8') : null]),
        deps: Object.entries(recipe.imageArgs ?? {}).map(([arg, dep]) => [arg, recipeHash(dockerDir, dep, table)]),
      }),
    )
    .digest('hex');
}

/**
 * What defines a debootstrapped root filesystem: its suite, packages and the script that makes it.
 * Not the Dockerfile or the helpers built on top, so changing lab-run does not re-run debootstrap.
 */
export function rootfsHash(dockerDir: string, rootfs: NonNullable<ImageRecipe['rootfs']>): string {
  const script = 'offline/make-rootfs.sh';
  return createHash('sha256').update(JSON.stringify({ rootfs, script: readFileSync(join(dockerDir, script), 'utf8') })).digest('hex');
}

/**
 * Tags carry the suite and a short hash of the recipe: a changed recipe is a new tag, so two
 * checkouts with different recipes never rebuild one tag back and forth on a shared engine.
 */
export const images: Record<string, ImageRecipe & { tag: string }> = Object.fromEntries(
  Object.entries(imageTable).map(([key, r]) => [key, { ...r, tag: `${r.repo}:${r.suite}-${recipeHash(recipeDir(), key).slice(0, 8)}` }]),
);

const sandboxInputs = [reaper, 'sandbox/lab-enter.c', 'offline/make-rootfs.sh'];

function suiteRoots(suite: Suite): Record<string, RootRecipe> {
  return {
    // The same packages as the offline Docker image of the suite; it is also the musl build root.
    [`glibc-${suite}`]: { from: { debootstrap: offlinePackages, suite }, env: { LANG: 'C.UTF-8' }, inputs: sandboxInputs },
    // Like the musl-run image: musl's loader/libc, busybox and the helpers, no glibc at all.
    [`musl-${suite}`]: { from: { base: `glibc-${suite}`, derive: 'musl-only' }, env: {}, inputs: [] },
  };
}

export const roots: Record<string, RootRecipe> = {
  ...suiteRoots('bookworm'),
  ...suiteRoots('trixie'),
  ...suiteRoots('sid'),
  // The toolchain image's packages, unpacked: Go, Rust and Python probes build (and glibc ones run) here.
  [`toolchains-${toolchainSuite}`]: { from: { debootstrap: toolchainImagePackages, suite: toolchainSuite }, env: { LANG: 'C.UTF-8' }, inputs: sandboxInputs },
  // As docker/common/stock.Dockerfile: without locales-all and the musl packages, as a distribution ships it.
  'glibc-stock': { from: { base: `glibc-${defaultSuite}`, derive: 'stock' }, env: { LANG: 'C.UTF-8' }, inputs: [] },
};

const glibcVersion = 'ldd --version 2>&1 | head -n1';
const muslVersion = '/lib/ld-musl-x86_64.so.1 2>&1 | sed -n "s/^Version /musl /p"';

function suiteEnvironments(suite: Suite): Environment[] {
  const distro = suiteDistro[suite];
  const tc = suite === toolchainSuite;
  const upstream = suite === defaultSuite;
  return [
    {
      id: `glibc-${suite}`,
      label: `glibc (${suite})`,
      family: 'glibc',
      suite,
      edge: suite === 'sid' || undefined,
      flavours: {
        // The registry's images stand in for the default pair when a registry is reachable.
        upstream: upstream
          ? { distro: 'Ubuntu 24.04', build: 'ubuntu-glibc', run: 'ubuntu-glibc', cc: 'gcc' }
          : { distro, build: `debian-glibc-${suite}`, run: `debian-glibc-${suite}`, cc: 'gcc' },
        offline: {
          distro, build: `debian-glibc-${suite}`, run: `debian-glibc-${suite}`, cc: 'gcc',
          ...(tc ? { toolchain: { build: `debian-toolchains-${suite}`, run: `debian-toolchains-${suite}` } } : {}),
        },
      },
      sandbox: { distro, build: `glibc-${suite}`, run: `glibc-${suite}`, cc: 'gcc', ...(tc ? { toolchain: { build: `toolchains-${suite}`, run: `toolchains-${suite}` } } : {}) },
      libcVersionCommand: glibcVersion,
    },
    {
      id: `musl-${suite}`,
      label: `musl (${suite})`,
      family: 'musl',
      suite,
      edge: suite === 'sid' || undefined,
      flavours: {
        upstream: upstream
          ? { distro: 'Alpine 3.22', build: 'alpine-musl', run: 'alpine-musl', cc: 'gcc' }
          : { distro: `musl on busybox, from ${distro} packages`, build: `debian-glibc-${suite}`, run: `musl-run-${suite}`, cc: 'musl-gcc' },
        // Debian's musl-gcc compiles; the run image holds musl and busybox, no glibc.
        offline: {
          distro: `musl on busybox, from ${distro} packages`, build: `debian-glibc-${suite}`, run: `musl-run-${suite}`, cc: 'musl-gcc',
          ...(tc ? { toolchain: { build: `debian-toolchains-${suite}`, run: `musl-run-${suite}` } } : {}),
        },
      },
      sandbox: {
        distro: `musl on busybox, from ${distro} packages`, build: `glibc-${suite}`, run: `musl-${suite}`, cc: 'musl-gcc',
        ...(tc ? { toolchain: { build: `toolchains-${suite}`, run: `musl-${suite}` } } : {}),
      },
      libcVersionCommand: muslVersion,
    },
  ];
}

export const environments: Environment[] = [
  ...suites.flatMap(suiteEnvironments),
  {
    id: 'glibc-stock',
    label: 'glibc, stock image',
    family: 'glibc',
    suite: defaultSuite,
    optIn: true,
    flavours: {
      upstream: { distro: 'Ubuntu 24.04 without locales-all (stock)', build: 'ubuntu-glibc', run: 'ubuntu-glibc-stock', cc: 'gcc' },
      offline: { distro: `${suiteDistro[defaultSuite]} without locales-all and musl (stock)`, build: `debian-glibc-${defaultSuite}`, run: 'debian-glibc-stock', cc: 'gcc' },
    },
    sandbox: { distro: `${suiteDistro[defaultSuite]} without locales-all and musl (stock)`, build: `glibc-${defaultSuite}`, run: 'glibc-stock', cc: 'gcc' },
    libcVersionCommand: glibcVersion,
  },
];

export const families = ['glibc', 'musl'] as const;
export type Family = (typeof families)[number];

export function isFamily(name: string): name is Family {
  return (families as readonly string[]).includes(name);
}

/** The environment of the default pair for a family ("musl" → musl-trixie): what lessons show. */
export function defaultEnvironmentOf(family: Family): string {
  return `${family}-${defaultSuite}`;
}

/** The default pair, glibc first. */
export function defaultPair(): string[] {
  return families.map(defaultEnvironmentOf);
}

/**
 * An environment id as a manifest or a lesson may write it: an exact id, or a family name.
 * In a list of environments a family means each of its (non-opt-in) versions, or only the
 * default pair's for benchmarks; this returns the ids it stands for.
 */
export function expandEnvironment(name: string, defaultPairOnly = false): string[] {
  if (!isFamily(name)) return [name];
  if (defaultPairOnly) return [defaultEnvironmentOf(name)];
  return environments.filter((e) => e.family === name && !e.optIn).map((e) => e.id);
}

/**
 * The environment a run compiles in when its variant says "compileIn": a family name picks that
 * family's environment of the run's own suite (built on glibc of the same Debian release).
 */
export function compileEnvironmentFor(compileIn: string, runEnvId: string): string {
  if (!isFamily(compileIn)) return compileIn;
  const run = environments.find((e) => e.id === runEnvId);
  const suite = run?.suite ?? defaultSuite;
  return environments.find((e) => e.family === compileIn && e.suite === suite && !e.optIn)?.id ?? defaultEnvironmentOf(compileIn);
}

/** The configured environment with this id; an unknown id is a programming error, named with where to look. */
export function environmentById(id: string): Environment {
  const env = environments.find((e) => e.id === id) ?? (isFamily(id) ? environments.find((e) => e.id === defaultEnvironmentOf(id)) : undefined);
  if (!env) throw new Error(`environment "${id}" is not in src/config/environments.ts (known: ${environmentIds().join(', ')})`);
  return env;
}

export function environmentIds(): string[] {
  return environments.map((e) => e.id);
}

/** The environments a probe runs in when its manifest does not say (benchmarks: the default pair). */
export function defaultEnvironmentIds(defaultPairOnly = false): string[] {
  if (defaultPairOnly) return defaultPair();
  return environments.filter((e) => !e.optIn).map((e) => e.id);
}
