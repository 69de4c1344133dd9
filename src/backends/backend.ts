import type { BoundEnvironment, CompileOutput, CompileSpec, RunSpec } from '../runner/plan.ts';
import type { BackendName, Result } from '../runner/result.ts';
import type { EnvironmentShell } from '../check/environment.ts';

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
  /** Waits for clean-up that finished runs started and did not wait for (Docker: removing their containers). */
  settle?(): Promise<void>;
  /** A shell in an environment's run file system, for reading its files (check-binary); absent when the backend has none. */
  environmentShell?(env: BoundEnvironment): EnvironmentShell;
}
