import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../fixtures/cli/large-report.ts', import.meta.url));

/**
 * Runs the script entry into a real pipe whose reader starts late (as a busy
 * consumer does), so the report cannot fit in the pipe at once. Returns what the
 * reader got and the entry's own exit code.
 */
function throughPipe(...args: string[]) {
  const run = spawnSync('bash', ['-c', '"$NODE" "$ENTRY" "$@" | (sleep 0.3; cat); exit "${PIPESTATUS[0]}"', 'sh', ...args], {
    env: { ...process.env, NODE: process.execPath, ENTRY: entry },
    maxBuffer: 16 * 1024 * 1024,
    encoding: 'utf8',
  });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status };
}

describe('a script\'s report through a pipe', () => {
  it('arrives whole, larger than the 64 KiB a pipe holds, and the exit code comes after it', () => {
    const { stdout, code } = throughPipe();
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    expect((JSON.parse(stdout) as { runs: unknown[] }).runs).toHaveLength(3000);
    expect(code).toBe(3);
  });

  it('arrives whole when the script fails after printing it, and the error follows on stderr', () => {
    const { stdout, stderr, code } = throughPipe('throw');
    expect((JSON.parse(stdout) as { runs: unknown[] }).runs).toHaveLength(3000);
    expect(stderr).toContain('failed after the report');
    expect(code).toBe(1);
  });
});
