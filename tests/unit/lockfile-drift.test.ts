import { describe, expect, it } from 'vitest';
import { describeDrift, installableHere, lockfileDrift, type Lockfile } from '../../src/setup/lockfile-drift.ts';

const linux = { os: 'linux', cpu: 'x64', libc: 'glibc' };
const base: Lockfile = {
  lockfileVersion: 3,
  packages: {
    '': { dependencies: { a: '1.0.0' } },
    'node_modules/a': { version: '1.0.0', integrity: 'sha512-a', optionalDependencies: { 'a-darwin-arm64': '1.0.0', 'a-linux-x64-gnu': '1.0.0' } },
    'node_modules/a-linux-x64-gnu': { version: '1.0.0', optional: true, os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  },
};
const withPackage = (path: string, entry: object): Lockfile => ({ ...base, packages: { ...base.packages, [path]: entry } });

describe('lockfile drift', () => {
  it('an unchanged lockfile has no drift', () => {
    expect(lockfileDrift(base, base, linux)).toEqual({ otherPlatforms: [], changes: [] });
  });

  it('another platform\'s optional package added by the registry is a note, not a failure', () => {
    const after = withPackage('node_modules/a-darwin-arm64', { version: '1.0.0', optional: true, os: ['darwin'], cpu: ['arm64'] });
    const drift = lockfileDrift(base, after, linux);
    expect(drift).toEqual({ otherPlatforms: ['node_modules/a-darwin-arm64'], changes: [] });
    const { failed, lines } = describeDrift(drift);
    expect(failed).toBe(false);
    expect(lines.join('\n')).toMatch(/1 optional package for other platforms.*nothing installed here changes/);
  });

  it('an optional package this machine would install is a real change', () => {
    const after = withPackage('node_modules/a-linux-x64-musl', { version: '1.0.0', optional: true, os: ['linux'], cpu: ['x64'] });
    expect(lockfileDrift(base, after, linux).changes).toEqual(['added node_modules/a-linux-x64-musl@1.0.0']);
  });

  it('a changed version or integrity fails and says how to fix it', () => {
    const after = withPackage('node_modules/a', { ...base.packages!['node_modules/a'], version: '1.0.1' });
    const { failed, lines } = describeDrift(lockfileDrift(base, after, linux));
    expect(failed).toBe(true);
    expect(lines[1]).toBe('  changed node_modules/a: version');
    expect(lines.at(-1)).toMatch(/npm_config_cache=\$\(mktemp -d\).*commit package-lock.json/);
  });

  it('a removed package is a change', () => {
    const after: Lockfile = { ...base, packages: { '': base.packages![''], 'node_modules/a': base.packages!['node_modules/a'] } };
    expect(lockfileDrift(base, after, linux).changes).toEqual(['removed node_modules/a-linux-x64-gnu']);
  });

  it('follows npm\'s os/cpu/libc rules, including negations', () => {
    expect(installableHere({ os: ['!win32'] }, linux)).toBe(true);
    expect(installableHere({ os: ['!linux'] }, linux)).toBe(false);
    expect(installableHere({ os: ['linux'], cpu: ['arm64'] }, linux)).toBe(false);
    expect(installableHere({ os: ['linux'], libc: ['musl'] }, linux)).toBe(false);
    expect(installableHere({ os: ['darwin'] }, { os: 'darwin', cpu: 'arm64' })).toBe(true);
  });
});

describe('lockfile drift: helpers of other platforms', () => {
  it('an optional helper that only another platform\'s package depends on is not a change here', () => {
    const after: Lockfile = {
      ...base,
      packages: {
        ...base.packages,
        'node_modules/a-wasm32-wasi': { version: '1.0.0', optional: true, cpu: ['wasm32'], dependencies: { runtime: '1.0.0' } },
        'node_modules/a-wasm32-wasi/node_modules/runtime': { version: '1.0.0', optional: true },
      },
    };
    expect(lockfileDrift(base, after, linux)).toEqual({ otherPlatforms: ['node_modules/a-wasm32-wasi', 'node_modules/a-wasm32-wasi/node_modules/runtime'], changes: [] });
  });

  it('an optional helper that a package installed here also needs is a change', () => {
    const after: Lockfile = {
      ...base,
      packages: {
        ...base.packages,
        'node_modules/b': { version: '1.0.0', dependencies: { runtime: '1.0.0' } },
        'node_modules/runtime': { version: '1.0.0', optional: true },
      },
    };
    expect(lockfileDrift(base, after, linux).changes).toEqual(['added node_modules/b@1.0.0', 'added node_modules/runtime@1.0.0']);
  });
});
