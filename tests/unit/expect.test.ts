import { describe, expect, it } from 'vitest';
import { checkExpectation } from '../../src/runner/expect.ts';
import { result } from './helpers.ts';

const exited = (exitCode: number) => result({ outcome: { kind: 'exit', exitCode } });
const signalled = (signal: string) => result({ outcome: { kind: 'signal', signal } });

describe('checkExpectation', () => {
  it('finds nothing when there is no expectation', () => {
    expect(checkExpectation(exited(3), undefined)).toEqual([]);
  });

  it('finds nothing when the outcome matches', () => {
    expect(checkExpectation(exited(3), { outcome: 'exit', exitCode: 3 })).toEqual([]);
  });

  it('reports a different outcome kind', () => {
    expect(checkExpectation(signalled('SIGSEGV'), { outcome: 'ok' })).toEqual(['outcome: expected ok, observed SIGSEGV']);
  });

  it('reports a different exit code', () => {
    expect(checkExpectation(exited(1), { outcome: 'exit', exitCode: 3 })).toEqual(['outcome: expected exit 3, observed exit 1']);
  });

  it('reports a different signal', () => {
    expect(checkExpectation(signalled('SIGABRT'), { outcome: 'signal', signal: 'SIGSEGV' })).toEqual([
      'outcome: expected SIGSEGV, observed SIGABRT',
    ]);
  });

  it('reports stdout that does not match a pattern, quoting what was printed', () => {
    const r = result({ stdout: 'size=8192\n' });
    expect(checkExpectation(r, { outcome: 'ok', stdout: ['^size=128$'] })).toEqual([
      'stdout: expected to match /^size=128$/, observed: size=8192',
    ]);
  });

  it('matches stdout patterns per line', () => {
    expect(checkExpectation(result({ stdout: 'a\nsize=128\n' }), { outcome: 'ok', stdout: ['^size=128$'] })).toEqual([]);
  });

  it('reports stderr that does not match a pattern', () => {
    const r = result({ stderr: '' });
    expect(checkExpectation(r, { outcome: 'ok', stderr: ['not found'] })).toEqual(['stderr: expected to match /not found/, observed: (empty)']);
  });

  it('matches stderr patterns against the compiler diagnostics when compiling failed', () => {
    const r = result({
      outcome: { kind: 'compile-failed' }, stderr: '',
      compile: { ok: false, exitCode: 1, diagnostics: "error: 'RTLD_DEEPBIND' undeclared", durationMs: 50 },
    });
    expect(checkExpectation(r, { outcome: 'compile-failed', stderr: ['RTLD_DEEPBIND'] })).toEqual([]);
  });
});

describe('checkExpectation: metric bands and DNS query counts', () => {
  const q = (over: Record<string, unknown>) => ({ t: 0, server: '127.0.0.53', transport: 'udp' as const, name: 'a.test', type: 'A', edns: false, answer: 'NOERROR', truncated: false, records: 1, ...over });
  const dnsResult = result({
    stdout: 'elapsed_ms=1003.1\n',
    dns: { scenario: 's', truncated: false, queries: [q({}), q({ server: '127.0.1.1' }), q({ type: 'AAAA', transport: 'tcp' })] },
  });

  it('accepts a metric inside its band and counts that match', () => {
    expect(checkExpectation(dnsResult, { outcome: 'ok', metrics: { elapsed_ms: { min: 900, max: 2500 } }, queries: [{ count: 3 }, { type: 'A', count: { min: 1, max: 2 } }, { transport: 'tcp', server: '127.0.0.53', count: 1 }] })).toEqual([]);
  });

  it('reports a metric outside its band, and a missing one', () => {
    expect(checkExpectation(dnsResult, { outcome: 'ok', metrics: { elapsed_ms: { max: 500 }, addresses: { min: 1 } } })).toEqual([
      'metrics.elapsed_ms: expected -inf..500, observed 1003.1',
      'metrics.addresses: expected 1..inf, observed no "addresses=" line',
    ]);
  });

  it('reports query counts that drifted, naming the filter', () => {
    expect(checkExpectation(dnsResult, { outcome: 'ok', queries: [{ count: 2 }, { name: 'A.TEST', type: 'AAAA', transport: 'udp', count: { min: 1 } }, { edns: true, count: { max: 0 } }] })).toEqual([
      'queries (all): expected 2, observed 3',
      'queries (AAAA A.TEST over udp): expected at least 1, observed 0',
    ]);
  });
});
