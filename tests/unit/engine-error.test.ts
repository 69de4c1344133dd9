import { describe, it, expect } from 'vitest';
import { engineError } from '../../src/backends/docker/engine.ts';

const failure = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('engineError', () => {
  it('a missing socket: not running, with how to install and start', () => {
    const e = engineError(failure('ENOENT'));
    expect(e.name).toBe('DockerNotRunning');
    expect(e.hint).toMatch(/apt-get install -y docker.io/);
  });
  it('permission denied: says how to get access', () => {
    const e = engineError(failure('EACCES'));
    expect(e.name).toBe('DockerPermissionDenied');
    expect(e.hint).toMatch(/docker" group/);
  });
  it('connection refused: says to start the engine', () => {
    expect(engineError(failure('ECONNREFUSED')).name).toBe('DockerNotRunning');
  });
  it('anything else: points at npm run doctor', () => {
    expect(engineError(new Error('odd')).hint).toMatch(/npm run doctor/);
  });
});
