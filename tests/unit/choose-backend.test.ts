import { describe, it, expect } from 'vitest';
import { backendChoiceFrom, chooseBackend } from '../../src/backends/choose.ts';

const answers = { ping: async () => 'OK' };
const missing = { ping: async () => Promise.reject(Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' })) };
const hangs = { ping: () => new Promise<never>(() => undefined) };

describe('choosing a backend', () => {
  it('auto takes Docker when an engine answers', async () => {
    expect(await chooseBackend('auto', answers as never)).toEqual({ backend: 'docker', reason: 'a Docker engine answers' });
  });

  it('auto takes the sandbox when no engine answers, and says why', async () => {
    expect(await chooseBackend('auto', missing as never)).toEqual({ backend: 'sandbox', reason: 'no Docker engine answers (ENOENT)' });
    expect((await chooseBackend('auto', hangs as never, 20)).backend).toBe('sandbox');
  });

  it('a requested backend is used without asking the engine', async () => {
    expect(await chooseBackend('docker', missing as never)).toEqual({ backend: 'docker', reason: 'requested' });
    expect(await chooseBackend('sandbox', answers as never)).toEqual({ backend: 'sandbox', reason: 'requested' });
  });

  it('reads --backend and MUSL_LAB_BACKEND, and names a bad value with the fix', () => {
    expect(backendChoiceFrom(undefined)).toBe('auto');
    expect(backendChoiceFrom('sandbox')).toBe('sandbox');
    expect(backendChoiceFrom('frozen')).toBe('frozen');
    expect(() => backendChoiceFrom('podman', '--backend')).toThrow(/--backend is "podman", which is not a backend/);
  });
});
