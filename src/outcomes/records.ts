/**
 * What a session's planned runs came to. These types sit in their own folder,
 * above check/ (a record carries check-binary's verdict) and below everything
 * that reads records: the session that makes them, the frozen snapshot that
 * stores and replays them, the CLI and the pages.
 */
import type { RunSpec } from '../runner/plan.ts';
import type { Result } from '../runner/result.ts';
import type { Verdict } from '../check/verdict.ts';

export interface RunRecord {
  spec: RunSpec;
  result: Result;
  /** The result came from the cache: nothing was executed for it. */
  cached: boolean;
  /** Differences from the manifest's expectation for this environment. */
  mismatches: string[];
  /** The run's environment is an edge one (Debian sid): its mismatches are reported, never a failure. */
  edge?: boolean;
  /** check-binary's verdict for this program in this environment, for probes that ask for it. */
  check?: Verdict;
}

/** A planned run the backend cannot make on this machine, and why (the page says so in its place). */
export interface NotRun {
  spec: RunSpec;
  reason: string;
}
