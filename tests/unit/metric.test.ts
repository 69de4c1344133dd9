import { describe, expect, it } from 'vitest';
import { metric } from '../../src/components/metric.ts';
import { result } from './helpers.ts';

describe('metric', () => {
  it('reads a name=value line from stdout', () => {
    expect(metric(result({ stdout: 'hello\nthread_stack_kib=132\n' }), 'thread_stack_kib')).toBe(132);
  });

  it('does not look at stderr unless asked', () => {
    expect(metric(result({ stdout: 'hello\n', stderr: 'execve\nsyscalls=11\n' }), 'syscalls')).toBeNull();
  });

  it('reads stderr when asked, and then ignores stdout', () => {
    const r = result({ stdout: 'syscalls=1\n', stderr: 'execve\nwritev\nsyscalls=11\n' });
    expect(metric(r, 'syscalls', 'stderr')).toBe(11);
  });

  it('matches whole lines only, and the name literally', () => {
    expect(metric(result({ stdout: 'total syscalls=5\nsyscallsX=6\n' }), 'syscalls')).toBeNull();
    expect(metric(result({ stdout: 'a.b=7\naxb=8\n' }), 'a.b')).toBe(7);
  });

  it('returns null when the run is missing', () => {
    expect(metric(undefined, 'syscalls', 'stderr')).toBeNull();
  });
});
