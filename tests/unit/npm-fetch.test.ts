import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { fetchNpmProgram, npmCacheFolder, type Exec } from '../../src/runner/npm-fetch.ts';
import { LabError } from '../../src/errors/lab-error.ts';
import { probe, tempTree } from './helpers.ts';

const build = { kind: 'npm' as const, package: '@lab/tool', version: '1.2.3', bin: 'bin/tool' };
const npmProbe = probe({ id: 'npm/tool', manifestFile: 'c-probes/npm/tool.probe.json', source: '', sourcePath: '', build, program: 'bin/tool' });

/** A stand-in registry: `npm pack` writes a real tarball (program without its x bit, as tarballs may have). */
function fakeRegistry(calls: string[]): Exec {
  return async (file, args, cwd) => {
    calls.push(file);
    if (file !== 'npm') return (await execa(file, args, { cwd })).stdout;
    const dest = args[args.indexOf('--pack-destination') + 1]!;
    const src = tempTree({ 'package/package.json': JSON.stringify({ name: '@lab/tool', bin: { tool: 'bin/tool' } }), 'package/bin/tool': '#!/bin/sh\n' });
    execFileSync('tar', ['-czf', join(dest, 'lab-tool-1.2.3.tgz'), '-C', src, 'package']);
    return JSON.stringify([{ filename: 'lab-tool-1.2.3.tgz', integrity: 'sha512-test', size: 200, unpackedSize: 100 }]);
  };
}

describe('fetchNpmProgram', () => {
  it('unpacks the package once and makes its program executable, as npm install would', async () => {
    const cache = tempTree({});
    const calls: string[] = [];
    const first = await fetchNpmProgram(npmProbe, cache, fakeRegistry(calls));
    expect(first.cached).toBe(false);
    expect(first.binaryDir).toBe(npmCacheFolder(cache, build));
    expect(statSync(join(first.binaryDir, 'bin/tool')).mode & 0o111).toBe(0o111);
    expect(first.diagnostics).toContain('npm pack @lab/tool@1.2.3');
    expect(first.diagnostics).toContain('sha512-test');
    const again = await fetchNpmProgram(npmProbe, cache, fakeRegistry(calls));
    expect(again.cached).toBe(true);
    expect(calls.filter((c) => c === 'npm')).toHaveLength(1);
  });

  it('names the manifest and package when the registry fails, and leaves nothing half-written', async () => {
    const cache = tempTree({});
    const failing: Exec = async () => {
      throw new Error('404 Not Found');
    };
    const error = await fetchNpmProgram(npmProbe, cache, failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).message).toContain('c-probes/npm/tool.probe.json: could not fetch @lab/tool@1.2.3');
    expect(readdirSync(join(cache, 'npm'))).toEqual([]);
  });

  it('says which files exist when npm.bin names none', async () => {
    const cache = tempTree({});
    const wrong = { ...npmProbe, build: { ...build, bin: 'bin/nope' }, program: 'bin/nope' };
    const error = await fetchNpmProgram(wrong, cache, fakeRegistry([])).catch((e: unknown) => e);
    expect((error as LabError).message).toContain('npm.bin "bin/nope" is not a file in @lab/tool@1.2.3');
    expect((error as LabError).hint).toContain('bin, package.json');
  });

  it('unpacks the packages of npm.with under node_modules/, in a folder of their own', async () => {
    const cache = tempTree({});
    const withAddon = { ...build, with: [{ package: '@lab/addon', version: '2.0.0' }] };
    const registry: Exec = async (file, args, cwd) => {
      if (file !== 'npm') return (await execa(file, args, { cwd })).stdout;
      const what = args[1]!;
      const name = what.startsWith('@lab/addon') ? 'lab-addon-2.0.0.tgz' : 'lab-tool-1.2.3.tgz';
      const files: Record<string, string> = what.startsWith('@lab/addon') ? { 'package/addon.node': 'binary' } : { 'package/bin/tool': '#!/bin/sh\n' };
      execFileSync('tar', ['-czf', join(args[args.indexOf('--pack-destination') + 1]!, name), '-C', tempTree(files), 'package']);
      return JSON.stringify([{ filename: name, integrity: `sha512-${name}`, size: 200, unpackedSize: 100 }]);
    };
    const out = await fetchNpmProgram({ ...npmProbe, build: withAddon }, cache, registry);
    expect(out.binaryDir).toBe(npmCacheFolder(cache, withAddon));
    expect(out.binaryDir).not.toBe(npmCacheFolder(cache, build));
    expect(statSync(join(out.binaryDir, 'node_modules/@lab/addon/addon.node')).isFile()).toBe(true);
    expect(out.diagnostics).toContain('npm pack @lab/addon@2.0.0');
    expect(out.diagnostics).toContain('(in node_modules/)');
  });
});
