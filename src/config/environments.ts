import { toolchainPackages } from './toolchains.ts';

/**
 * The libc environments every probe runs in, and the images behind them.
 * Adding an environment is a change here (and its image recipe in docker/),
 * not in the runner: pages and matrices take their columns from this list.
 */

/** Where images come from: a registry's distribution images, or Debian packages only. */
export type ImageSource = 'upstream' | 'offline';

export interface ImageRecipe {
  /** Docker tag the runner builds and uses. */
  tag: string;
  /** Dockerfile, relative to docker/ (the build context). */
  dockerfile: string;
  /** Build arguments that name other images of this config, by image key. */
  imageArgs?: Record<string, string>;
  /** For offline images: a root filesystem of this Debian suite made by docker/offline/make-rootfs.sh. */
  rootfs?: { suite: string; packages: string[] };
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
   * without it such probes are shown as not run here.
   */
  toolchain?: { build: string; run: string };
}

export interface Environment {
  id: string;
  label: string;
  family: 'glibc' | 'musl';
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
  from: { debootstrap: string[]; suite: string } | { base: string; derive: 'musl-only' | 'stock' };
  /** Environment variables every program in it gets (what the Docker image sets with ENV). */
  env: Record<string, string>;
  /** Files under docker/ whose content defines the root (hashed into its recipe). */
  inputs: string[];
}

const reaper = 'reaper/lab-run.c';

export const images: Record<string, ImageRecipe> = {
  'ubuntu-glibc': {
    tag: 'musl-lab/ubuntu-glibc:24.04',
    dockerfile: 'upstream/ubuntu-glibc.Dockerfile',
    inputs: ['upstream/ubuntu-glibc.Dockerfile', reaper],
  },
  'alpine-musl': {
    tag: 'musl-lab/alpine-musl:3.22',
    dockerfile: 'upstream/alpine-musl.Dockerfile',
    inputs: ['upstream/alpine-musl.Dockerfile', reaper],
  },
  'debian-glibc': {
    tag: 'musl-lab/debian-glibc:bookworm',
    dockerfile: 'offline/glibc.Dockerfile',
    rootfs: {
      suite: 'bookworm',
      packages: ['gcc', 'libc6-dev', 'musl-tools', 'musl-dev', 'busybox-static', 'binutils', 'file', 'locales-all'],
    },
    inputs: ['offline/glibc.Dockerfile', 'offline/make-rootfs.sh', reaper],
  },
  'debian-glibc-stock': {
    tag: 'musl-lab/debian-glibc-stock:bookworm',
    dockerfile: 'common/stock.Dockerfile',
    imageArgs: { BASE: 'debian-glibc' },
    inputs: ['common/stock.Dockerfile'],
  },
  'ubuntu-glibc-stock': {
    tag: 'musl-lab/ubuntu-glibc-stock:24.04',
    dockerfile: 'common/stock.Dockerfile',
    imageArgs: { BASE: 'ubuntu-glibc' },
    inputs: ['common/stock.Dockerfile'],
  },
  'musl-run': {
    tag: 'musl-lab/musl-run:1.2.3',
    dockerfile: 'offline/musl-run.Dockerfile',
    imageArgs: { BUILD: 'debian-glibc' },
    inputs: ['offline/musl-run.Dockerfile'],
  },
};

/**
 * Go, Rust and Python toolchains (src/config/toolchains.ts): a glibc build image with the suite's
 * build packages plus the toolchains' Debian packages, built for the default pair's suite only (a
 * cold CI build makes every image from scratch; more suites would add several minutes each).
 */
const toolchainSuite = 'trixie';
const toolchainImagePackages = ['gcc', 'libc6-dev', 'musl-tools', 'musl-dev', 'busybox-static', 'binutils', 'file', 'locales-all', ...toolchainPackages];
images[`debian-toolchains-${toolchainSuite}`] = {
  tag: `musl-lab/debian-toolchains:${toolchainSuite}-1`,
  dockerfile: 'offline/glibc.Dockerfile',
  rootfs: { suite: toolchainSuite, packages: toolchainImagePackages },
  inputs: ['offline/glibc.Dockerfile', 'offline/make-rootfs.sh', reaper],
};

const sandboxInputs = [reaper, 'sandbox/lab-enter.c', 'offline/make-rootfs.sh'];

export const roots: Record<string, RootRecipe> = {
  // The same packages as the offline Docker image debian-glibc; it is also the musl build root.
  glibc: { from: { debootstrap: images['debian-glibc']!.rootfs!.packages, suite: 'bookworm' }, env: { LANG: 'C.UTF-8' }, inputs: sandboxInputs },
  // The toolchain image's packages, unpacked: Go, Rust and Python probes build (and glibc ones run) here.
  [`toolchains-${toolchainSuite}`]: { from: { debootstrap: toolchainImagePackages, suite: toolchainSuite }, env: { LANG: 'C.UTF-8' }, inputs: sandboxInputs },
  // As docker/common/stock.Dockerfile: without locales-all and the musl packages, as a distribution ships it.
  'glibc-stock': { from: { base: 'glibc', derive: 'stock' }, env: { LANG: 'C.UTF-8' }, inputs: [] },
  // Like the musl-run image: musl's loader/libc, busybox and the helpers, no glibc at all.
  musl: { from: { base: 'glibc', derive: 'musl-only' }, env: {}, inputs: [] },
};

export const environments: Environment[] = [
  {
    id: 'glibc',
    label: 'glibc',
    family: 'glibc',
    flavours: {
      upstream: { distro: 'Ubuntu 24.04', build: 'ubuntu-glibc', run: 'ubuntu-glibc', cc: 'gcc' },
      offline: { distro: 'Debian 12 (bookworm)', build: 'debian-glibc', run: 'debian-glibc', cc: 'gcc', toolchain: { build: `debian-toolchains-${toolchainSuite}`, run: `debian-toolchains-${toolchainSuite}` } },
    },
    sandbox: { distro: 'Debian 12 (bookworm)', build: 'glibc', run: 'glibc', cc: 'gcc', toolchain: { build: `toolchains-${toolchainSuite}`, run: `toolchains-${toolchainSuite}` } },
    libcVersionCommand: 'ldd --version 2>&1 | head -n1',
  },
  {
    id: 'musl',
    label: 'musl',
    family: 'musl',
    flavours: {
      upstream: { distro: 'Alpine 3.22', build: 'alpine-musl', run: 'alpine-musl', cc: 'gcc' },
      // Debian's musl-gcc compiles; the run image holds musl and busybox, no glibc.
      offline: { distro: 'musl 1.2.3 on busybox (from Debian packages)', build: 'debian-glibc', run: 'musl-run', cc: 'musl-gcc', toolchain: { build: `debian-toolchains-${toolchainSuite}`, run: 'musl-run' } },
    },
    sandbox: { distro: 'musl 1.2.3 on busybox (from Debian packages)', build: 'glibc', run: 'musl', cc: 'musl-gcc', toolchain: { build: `toolchains-${toolchainSuite}`, run: 'musl' } },
    libcVersionCommand: '/lib/ld-musl-x86_64.so.1 2>&1 | sed -n "s/^Version /musl /p"',
  },
  {
    id: 'glibc-stock',
    label: 'glibc, stock image',
    family: 'glibc',
    optIn: true,
    flavours: {
      upstream: { distro: 'Ubuntu 24.04 without locales-all (stock)', build: 'ubuntu-glibc', run: 'ubuntu-glibc-stock', cc: 'gcc' },
      offline: { distro: 'Debian 12 (bookworm) without locales-all and musl (stock)', build: 'debian-glibc', run: 'debian-glibc-stock', cc: 'gcc' },
    },
    sandbox: { distro: 'Debian 12 (bookworm) without locales-all and musl (stock)', build: 'glibc', run: 'glibc-stock', cc: 'gcc' },
    libcVersionCommand: 'ldd --version 2>&1 | head -n1',
  },
];

/** The configured environment with this id; an unknown id is a programming error, named with where to look. */
export function environmentById(id: string): Environment {
  const env = environments.find((e) => e.id === id);
  if (!env) throw new Error(`environment "${id}" is not in src/config/environments.ts (known: ${environmentIds().join(', ')})`);
  return env;
}

export function environmentIds(): string[] {
  return environments.map((e) => e.id);
}

/** The environments a probe runs in when its manifest does not say. */
export function defaultEnvironmentIds(): string[] {
  return environments.filter((e) => !e.optIn).map((e) => e.id);
}
