import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/check/elf-reader.ts';
import { checkFile, missingSentence, siteData } from '../../src/check/in-browser.ts';
import { publishLibrary, publishedHash, recordedMessages, libraryFacts, type PublishedEnvironment } from '../../src/check/published.ts';
import { describe as describeReport } from '../../src/components/will-it-run.ts';
import { notElf } from '../../src/check/facts.ts';

/** The page's checker on tiny inputs: published data, recorded messages, and what it says of bad input. */
const env: PublishedEnvironment = {
  id: 'musl', label: 'musl', family: 'musl', libc: 'musl 1.2.3', distro: 'test', machine: 'Advanced Micro Devices X86-64',
  search: { cache: [], muslPath: null }, dirs: { '/lib': '/usr/lib', '/usr/lib': '/usr/lib' }, files: { '/usr/lib': { 'ld-musl-x86_64.so.1': 'h1' } },
};
const data = siteData(async (p) => {
  if (p === 'index.json') return { environments: [{ id: 'musl', label: 'musl', libc: 'musl 1.2.3', distro: 'test' }], missing: [{ id: 'glibc-2.41', label: 'glibc 2.41', reason: 'the frozen results of 2026-11-28 lack it' }], messages: {} };
  if (p === 'env/musl.json') return env;
  throw new Error(`unexpected fetch ${p}`);
});
const text = (s: string) => bytesSource(new TextEncoder().encode(s));

describe('published data', () => {
  it('finds a file through a folder that is a link, and not one outside the listing', () => {
    expect(publishedHash(env, '/lib/ld-musl-x86_64.so.1')).toBe('h1');
    expect(publishedHash(env, '/lib/../usr/lib/ld-musl-x86_64.so.1')).toBe('h1');
    expect(publishedHash(env, '/opt/ld.so')).toBeUndefined();
  });

  it('keeps a library\'s symbols grouped by version and gives them back', () => {
    const lib = publishLibrary({ ...notElf(), isElf: true, provided: [{ name: 'puts', version: 'GLIBC_2.2.5' }, { name: 'b' }, { name: 'a' }] });
    expect(lib.symbols).toEqual({ 'GLIBC_2.2.5': ['puts'], '': ['a', 'b'] });
    expect(libraryFacts(lib).provided).toEqual([{ name: 'puts', version: 'GLIBC_2.2.5' }, { name: 'a' }, { name: 'b' }]);
  });

  it('takes the words of a failure from a real run, with the program as a placeholder', () => {
    const m = recordedMessages([{ result: { id: 'p:v@musl', envId: 'musl', argv: ['/probe/hello'], stderr: 'sh: /probe/hello: not found\n' }, verdict: { verdict: 'fails', failure: 'interpreter' } }]);
    expect(m).toEqual({ musl: { interpreter: { message: 'sh: {program}: not found', line: 'sh: /probe/hello: not found', run: 'p:v@musl' } } });
  });
});

describe('bad input on the page', () => {
  it('a text file: not ELF, cannot say, and the page says why', async () => {
    const r = await checkFile('notes.txt', text('hello'), data);
    expect(r.verdicts.map((v) => v.verdict)).toEqual(['unknown']);
    expect(describeReport(r)).toContain('Not an ELF file');
    expect(r.missing.map((m) => m.id)).toEqual(['glibc-2.41']);
    expect(missingSentence(r.missing)).toBe('No data for glibc 2.41: the frozen results of 2026-11-28 lack it. That environment is not judged.');
  });

  it('a script: named by its #! line', async () => {
    const r = await checkFile('run.sh', text('#!/bin/sh\nexit 0\n'), data);
    expect(describeReport(r)).toContain('A script (#!/bin/sh)');
  });

  it('an archive: a static library, not a program', async () => {
    expect(describeReport(await checkFile('libx.a', text('!<arch>\nfoo'), data))).toContain('static library');
  });

  it('a truncated ELF file: nothing judged from a partial read', async () => {
    const head = new Uint8Array(40);
    head.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    const r = await checkFile('cut', bytesSource(head), data);
    expect(r.verdicts[0]!.verdict).toBe('unknown');
    expect(describeReport(r)).toMatch(/truncated.*Nothing is judged/);
  });
});

describe('environments a build has no current data for', () => {
  it('a verdict from stale data carries why, for its row', async () => {
    const stale = siteData(async (p) => {
      if (p === 'index.json') return { environments: [{ id: 'musl', label: 'musl', libc: 'musl 1.2.3', distro: 'test', stale: 'read on 2026-11-28' }], missing: [], messages: {} };
      if (p === 'env/musl.json') return env;
      throw new Error(`unexpected fetch ${p}`);
    });
    const r = await checkFile('notes.txt', text('hello'), stale);
    expect(r.verdicts[0]!.stale).toBe('read on 2026-11-28');
    expect(missingSentence(r.missing)).toBeUndefined();
  });

  it('names each missing environment with its own reason', () => {
    expect(missingSentence([{ id: 'a', label: 'A', reason: 'r1' }, { id: 'b', label: 'B', reason: 'r2' }])).toBe('No data for A: r1; B: r2. Those environments are not judged.');
  });
});
