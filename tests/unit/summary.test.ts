import { describe, expect, it } from 'vitest';
import { jsonReport, mismatchReport, textSummary } from '../../src/cli/summary.ts';
import { record, result } from './helpers.ts';

const ok = record(result({ id: 'basics/hello:default@glibc' }), { cached: true });
const crashed = record(
  result({ id: 'basics/hello:default@musl', envId: 'musl', compileEnvId: 'musl', outcome: { kind: 'signal', signal: 'SIGSEGV' } }),
  { mismatches: ['outcome: expected ok, observed SIGSEGV'] },
);

describe('jsonReport', () => {
  it('describes each run', () => {
    expect(jsonReport([crashed]).runs[0]).toMatchObject({
      id: 'basics/hello:default@musl', probe: 'basics/hello', variant: 'default', env: 'musl',
      outcome: 'signal', exitCode: null, signal: 'SIGSEGV', cached: false, expected: false,
    });
  });

  it('gives exit code 0 and no signal for an ok run', () => {
    expect(jsonReport([ok]).runs[0]).toMatchObject({ outcome: 'ok', exitCode: 0, signal: null, cached: true });
  });

  it('counts runs, executed, cached and unexpected', () => {
    expect(jsonReport([ok, crashed]).totals).toEqual({ runs: 2, executed: 1, cached: 1, unexpected: 1, edgeUnexpected: 0 });
  });
});

describe('textSummary', () => {
  it('says nothing was executed when every run came from the cache', () => {
    const text = textSummary([ok], 1234);
    expect(text).toContain('1 runs: 0 executed, 1 from cache, 0 unexpected (1.2 s)');
    expect(text).toContain('Nothing changed: 0 runs executed.');
  });

  it('does not say so when something ran', () => {
    expect(textSummary([ok, crashed], 0)).not.toContain('Nothing changed');
  });
});

describe('mismatchReport', () => {
  it('is empty when every run matches its manifest', () => {
    expect(mismatchReport([ok])).toBe('');
  });

  it('names the run, its manifest and what differs', () => {
    const text = mismatchReport([ok, crashed]);
    expect(text).toContain('basics/hello:default@musl  (c-probes/basics/hello.probe.json)');
    expect(text).toContain('- outcome: expected ok, observed SIGSEGV');
    expect(text).not.toContain('@glibc');
  });
});
