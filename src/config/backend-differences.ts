/**
 * Runs whose outcome differs between the Docker and the sandbox backend, each
 * with the reason (shown on content/about/results.mdx). The parity test
 * (tests/integration/parity.test.ts) runs every probe on both and fails on a
 * difference not listed here, and on an entry that no longer differs.
 */
export interface BackendDifference {
  /** Run ids, "probe:variant@env". */
  runs: string[];
  /** What differs and why, for readers. */
  why: string;
}

export const backendDifferences: BackendDifference[] = [];
