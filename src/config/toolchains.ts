/**
 * Language toolchains a probe can be written for besides C. Each comes from
 * Debian packages of the environment's suite (installed with debootstrap
 * --include into the toolchain image and root, never downloaded at build
 * time), and each names the command whose first line is its version: that
 * line is part of the compile key and of every result's provenance.
 */
export const toolchainNames = ['go', 'rust', 'python'] as const;
export type ToolchainName = (typeof toolchainNames)[number];

export interface Toolchain {
  /** Shown in messages and listings. */
  label: string;
  /** The source file a probe of this language defaults to: "<stem><extension>". */
  extension: string;
  /** Debian packages that provide it. */
  packages: string[];
  /** Shell command whose first line names the toolchain and its version (asked in the build image). */
  versionCommand: string;
  /**
   * Variables every build gets. Builds run with a read-only root, as root, offline:
   * caches go to the private /tmp and nothing may be fetched.
   */
  buildEnv: Record<string, string>;
  /** How long a build may take (Go's first build compiles its standard library). */
  compileTimeoutMs: number;
  /**
   * A folder of the build that survives it: the backends mount a host folder there, one per
   * toolchain version and build image, so Go compiles its standard library once, not on every
   * build. Go's build cache is content-addressed (an entry is named by the hash of everything
   * that went into it), so sharing it changes no output, only the time.
   */
  buildCache?: string;
  /**
   * For interpreted languages: the interpreter a run starts the program with (absolute path,
   * looked up in the run image), and the command asked there for its version.
   */
  interpreter?: { path: string; versionCommand: string };
}

export const toolchains: Record<ToolchainName, Toolchain> = {
  go: {
    label: 'Go',
    extension: '.go',
    packages: ['golang-go'],
    versionCommand: 'go version',
    // GOTOOLCHAIN=local: never switch to a downloaded Go; GOPROXY=off: no module downloads; GOFLAGS=-trimpath keeps paths out of binaries.
    buildEnv: { HOME: '/tmp', GOCACHE: '/tmp/go-cache', GOPATH: '/tmp/go', GOTOOLCHAIN: 'local', GOPROXY: 'off', GOFLAGS: '-trimpath', GO111MODULE: 'off' },
    compileTimeoutMs: 900_000,
    buildCache: '/tmp/go-cache',
  },
  rust: {
    label: 'Rust',
    extension: '.rs',
    packages: ['rustc'],
    versionCommand: 'rustc --version',
    buildEnv: { HOME: '/tmp', CARGO_HOME: '/tmp/cargo' },
    compileTimeoutMs: 300_000,
  },
  python: {
    label: 'Python',
    extension: '.py',
    // python3-dev: headers and config for C extensions; python3-packaging: the tag logic pip vendors;
    // python3-numpy: a glibc-built extension with BLAS/LAPACK dependencies (the NumPy case study).
    packages: ['python3', 'python3-dev', 'python3-packaging', 'python3-numpy'],
    versionCommand: 'python3 --version',
    buildEnv: { HOME: '/tmp', PYTHONDONTWRITEBYTECODE: '1' },
    compileTimeoutMs: 120_000,
    interpreter: { path: '/usr/bin/python3', versionCommand: '/usr/bin/python3 --version' },
  },
};

/** Every toolchain's packages: what a toolchain image or root adds to its suite's build packages. */
export const toolchainPackages: string[] = toolchainNames.flatMap((n) => toolchains[n].packages);
