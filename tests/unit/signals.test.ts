import { describe, it, expect } from 'vitest';
import { signalName } from '../../src/backends/docker/signals.ts';

describe('signalName', () => {
  it('uses the usual name where two share a number (6 is SIGABRT, not SIGIOT)', () => {
    expect(signalName(6)).toBe('SIGABRT');
  });
  it('names SIGSEGV and SIGKILL', () => {
    expect([signalName(11), signalName(9)]).toEqual(['SIGSEGV', 'SIGKILL']);
  });
});
