import { defaultPair } from '../../src/config/environments.ts';
import { describe, it, expect, beforeAll } from 'vitest';
import { constants } from 'node:os';
import { execa } from 'execa';
import { fixtureProject } from './helpers.ts';
import { runSession } from '../../src/runner/session.ts';
import type { RunRecord } from '../../src/runner/run.ts';
import { reproduceCommand } from '../../src/components/reproduce.ts';

// The reproduce command a page offers, pasted into a shell: it must print what the runner recorded.
const paths = fixtureProject();
let records: RunRecord[];

beforeAll(async () => {
  records = (await runSession({ envs: defaultPair(), paths, only: ['fixture/exit3', 'fixture/segv', 'fixture/hello'] })).records;
});

async function reproduce(record: RunRecord) {
  const { variant } = record.spec;
  const command = reproduceCommand({
    sourcePath: record.spec.probe.sourcePath,
    compileCommand: record.result.provenance.compileCommand,
    buildImage: record.result.provenance.buildImage.tag,
    runImage: record.result.provenance.runImage.tag,
    argv: record.result.argv,
    env: variant.env,
    stdin: variant.stdin,
    stackLimitKib: variant.stackLimitKib,
  });
  const run = await execa('bash', ['-c', command], { cwd: paths.root, reject: false });
  const lines = run.stderr.split('\n');
  return { status: lines.at(-1), stderr: lines.slice(0, -1).join('\n'), stdout: run.stdout };
}

/** The status line the shell prints: the exit code, or 128 + the signal's number. */
function expectedStatus(record: RunRecord): string {
  const o = record.result.outcome;
  const code = o.kind === 'signal' ? 128 + constants.signals[o.signal as keyof typeof constants.signals] : o.exitCode;
  return `[exit status ${code}]`;
}

describe('the reproduce command', () => {
  it('covers the runs it is checked against', () => {
    expect(records.map((r) => r.result.id).sort()).toEqual(
      ['fixture/exit3:default@glibc-trixie', 'fixture/exit3:default@musl-trixie', 'fixture/hello:built-on-glibc@musl-trixie', 'fixture/hello:default@glibc-trixie', 'fixture/hello:default@musl-trixie', 'fixture/segv:default@glibc-trixie', 'fixture/segv:default@musl-trixie'].sort(),
    );
  });

  it.each(['fixture/exit3:default@glibc-trixie', 'fixture/exit3:default@musl-trixie', 'fixture/segv:default@glibc-trixie', 'fixture/segv:default@musl-trixie', 'fixture/hello:default@musl-trixie'])(
    'prints what %s printed, and how it ended (arguments and stdin included)',
    async (id) => {
      const record = records.find((r) => r.result.id === id)!;
      const again = await reproduce(record);
      expect(again.stdout + '\n').toBe(record.result.stdout);
      // A shell reports a signal death on its own line ("Segmentation fault"); the runner records the signal instead.
      const shellReport = record.result.outcome.kind === 'signal' ? again.stderr.split('\n').pop() : undefined;
      if (shellReport !== undefined) expect(shellReport).toMatch(/^Segmentation fault/);
      const stderr = shellReport !== undefined ? again.stderr.split('\n').slice(0, -1).join('\n') : again.stderr;
      expect(stderr).toBe(record.result.stderr.replace(/\n$/, ''));
      expect(again.status).toBe(expectedStatus(record));
    },
  );

  it('shows a glibc build failing to start on musl, as the page does', async () => {
    const record = records.find((r) => r.result.id === 'fixture/hello:built-on-glibc@musl-trixie')!;
    expect(record.result.outcome).toMatchObject({ kind: 'exit', exitCode: 127 });
    const again = await reproduce(record);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(record.result.stderr.replace(/\n$/, ''));
    expect(again.stderr).toMatch(/\/probe\/hello: not found$/);
    expect(again.status).toBe('[exit status 127]');
  });
});
