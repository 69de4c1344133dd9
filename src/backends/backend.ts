import type { BoundEnvironment, CompileSpec, RunSpec } from '../runner/plan.ts';
import type { BackendName, Result } from '../runner/result.ts';
import type { EnvironmentShell } from '../check/environment.ts';

export interface CompileOutput {
  ok: boolean;
  exitCode: number;
  diagnostics: string;
  durationMs: number;
  /** Host folder holding the binary "probe", when ok. */
  binaryDir: string;
  cached: boolean;
  /** The build hit its time limit: a fact about a busy machine, not the probe, so it is never cached. */
  timedOut?: boolean;
}

/**
 * What a backend (Docker today, a daemonless sandbox later) must do. Every
 * backend returns the same Result shape, so pages and caches do not care.
 */
export interface Backend {
  readonly name: BackendName;
  /** Resolves every environment to images, ids and versions; builds what is missing. */
  bindEnvironments(envIds: string[]): Promise<Map<string, BoundEnvironment>>;
  compile(spec: CompileSpec): Promise<CompileOutput>;
  execute(run: RunSpec, compiled: CompileOutput): Promise<Result>;
  /**
   * Why this backend cannot make a run on this machine (shown on the page in place
   * of its result), or undefined when it can. Asked after bindEnvironments.
   */
  cannotRun?(run: RunSpec): string | undefined;
  /** Stops and removes whatever is still running (on interrupt). */
  abort(): Promise<void>;
  /** A shell in an environment's run file system, for reading its files (check-binary); absent when the backend has none. */
  environmentShell?(env: BoundEnvironment): EnvironmentShell;
}
