import type { CompareVersions, Expectation, Limits, Symptom } from './schema.ts';
import type { SourceFile } from './includes.ts';
import type { ResolvedScenario } from '../dns/load-scenario.ts';
import type { ToolchainName } from '../config/toolchains.ts';

export const defaultLimits: Required<Limits> = {
  timeoutMs: 10_000,
  memoryMb: 256,
  pids: 64,
  cpus: 1,
  outputBytes: 256 * 1024,
};

/** A variant with every default filled in: what the planner works from. */
export interface ResolvedVariant {
  id: string;
  label: string;
  args: string[];
  stdin: string;
  env: Record<string, string>;
  flags: string[];
  ldflags: string[];
  /** Build script variables from "compile.env" (probe's, then the variant's). */
  buildEnv: Record<string, string>;
  stackLimitKib?: number | 'unlimited';
  /** An environment id, or a family: that family's environment of the run's own Debian release. */
  compileIn?: string;
  /** What must agree between versions of one libc (see compareVersionsSchema). */
  compareVersions: CompareVersions;
  /** Replaces the program's invocation; "{probe}" and "{dir}" are substituted at planning. */
  command?: string[];
  environments: string[];
  /** By environment id, version range ("musl<1.2.4") or family; see version-range.ts for which applies. */
  expect: Record<string, Expectation>;
  /** Which output lines are the symptom (the variant's, else the probe's); not part of any cache key. */
  symptom?: Symptom;
  limits: Required<Limits>;
  /** The DNS world the program runs in, when the manifest names one. */
  dns?: ResolvedScenario;
}

/** How the program comes to be: one compiler call, a build script, or a download from npm. */
export type Build =
  | { kind: 'cc' }
  | { kind: 'script'; script: string; inputs: SourceFile[] }
  | { kind: 'npm'; package: string; version: string; bin: string; with?: { package: string; version: string }[] };

/** A validated probe: its manifest, its source and local headers, its variants. */
export interface Probe {
  id: string;
  title: string;
  description: string;
  /** Manifest path relative to the project root (for messages). */
  manifestFile: string;
  /** Source path relative to c-probes/ (where it is compiled from); "" for an npm program. */
  sourcePath: string;
  source: string;
  includes: SourceFile[];
  build: Build;
  /** A Go, Rust or Python program: built with that toolchain (script builds only). */
  toolchain?: ToolchainName;
  /** The program's path inside the output folder (mounted at /probe): its source's stem, or the npm package's bin. */
  program: string;
  /** Runs alone, after the others (benchmarks). */
  exclusive: boolean;
  /** Judge the program with check-binary beside each run. */
  check: boolean;
  /** The build output file check-binary judges instead of the program (an extension module). */
  checkFile?: string;
  variants: ResolvedVariant[];
}
