import { describe, expect, it } from 'vitest';
import { resultDifference, volatileLine } from '../../src/outcomes/version-diff.ts';
import type { Result } from '../../src/runner/result.ts';

const run = (stdout: string, kind: 'ok' | 'signal' = 'ok'): Result =>
  ({ outcome: kind === 'ok' ? { kind: 'ok' } : { kind: 'signal', signal: 'SIGABRT' }, stdout, stderr: '' }) as unknown as Result;

describe('comparing two versions of one libc', () => {
  it('a different line of output is a difference, named by stream and line', () => {
    expect(resultDifference(run('a\nEAI_NONAME'), run('a\nEAI_NODATA'), 'output')).toEqual(['stdout line 2: "EAI_NONAME" vs "EAI_NODATA"']);
  });

  it('measured times are not compared: two runs on one libc already differ there', () => {
    expect(resultDifference(run('found\nelapsed_ms=304.5'), run('found\nelapsed_ms=307.7'), 'output')).toEqual([]);
  });

  it('a metric the expectations bound is not compared; other name=value lines are', () => {
    const metrics = new Set(['queries']);
    expect(resultDifference(run('queries=4'), run('queries=6'), 'output', metrics)).toEqual([]);
    expect(resultDifference(run('addresses=17'), run('addresses=48'), 'output', metrics)).toEqual(['stdout line 1: "addresses=17" vs "addresses=48"']);
  });

  it('"outcome" compares only how the runs ended', () => {
    expect(resultDifference(run('r8=0x7f01'), run('r8=0x7f02'), 'outcome')).toEqual([]);
    expect(resultDifference(run('x'), run('x', 'signal'), 'outcome')).toEqual(['outcome: ok vs SIGABRT']);
  });

  it('volatileLine takes whole name=number lines only', () => {
    const v = volatileLine(new Set());
    expect(v('elapsed_ms=3.1')).toBe(true);
    expect(v('took elapsed_ms=3.1 here')).toBe(false);
    expect(v('size_bytes=98392')).toBe(false);
  });
});
