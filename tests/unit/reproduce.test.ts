import { describe, it, expect } from 'vitest';
import { reproduceCommand, reproduceLines, shellQuote } from '../../src/components/reproduce.ts';

const base = {
  sourcePath: 'thread-stack/default-size.c',
  compileCommand: ['gcc', '-O2', '-pthread', '-o', '/out/probe', 'default-size.c'],
  buildImage: 'musl-lab/debian-glibc:bookworm',
  runImage: 'musl-lab/debian-glibc:bookworm',
  args: [],
};

describe('reproduce command', () => {
  it('compiles in the build image, in the probe folder, with the compile command as run', () => {
    const [, compile] = reproduceLines(base);
    expect(compile).toBe('docker run --rm --network none -v "$PWD/c-probes":/src:ro -v "$out":/out -w /src/thread-stack musl-lab/debian-glibc:bookworm gcc -O2 -pthread -o /out/probe default-size.c &&');
  });
  it('runs the binary as /probe/<source stem>, as nobody, offline, read-only, in the run image', () => {
    const run = reproduceLines({ ...base, runImage: 'musl-lab/musl-run:1.2.3', compileCommand: ['musl-gcc', '-o', '/out/probe', 'default-size.c'] })[2]!;
    expect(run).toContain('--network none --read-only --tmpfs /tmp -u 65534:65534 -w /tmp');
    expect(run).toContain('-v "$out/probe":/probe/default-size:ro musl-lab/musl-run:1.2.3 ');
    expect(run).toMatch(/ sh \/probe\/default-size$/);
  });
  it('mounts the whole output folder when the compiler names the binary after the source', () => {
    const run = reproduceLines({ ...base, compileCommand: ['gcc', '-o', '/out/default-size', 'default-size.c'] })[2]!;
    expect(run).toContain('-v "$out":/probe:ro ');
  });
  it('passes arguments, stack limit, environment and stdin, quoted for the shell', () => {
    const run = reproduceLines({ ...base, args: ['128k', "it's"], stackLimitKib: 1024, env: { LC_ALL: 'C.UTF-8' }, stdin: 'a b\n' })[2]!;
    expect(run).toMatch(/^printf %s 'a b\n' \| docker run /);
    expect(run).toContain(' -i ');
    expect(run).toContain('--ulimit stack=1048576:1048576');
    expect(run).toContain('-e LC_ALL=C.UTF-8');
    expect(run).toMatch(/\/probe\/default-size 128k 'it'\\''s'$/);
    expect(reproduceLines({ ...base, stackLimitKib: 'unlimited' })[2]).toContain('--ulimit stack=-1:-1');
  });
  it('prints the exit status, as the page states it', () => {
    expect(reproduceLines(base)[2]).toContain(`/bin/sh -c '"$@"; echo "[exit status $?]" >&2' sh /probe/`);
  });
  it('is one command, continued over lines', () => {
    expect(reproduceCommand(base).split(' \\\n  ')).toHaveLength(3);
    expect(reproduceCommand(base)).toMatch(/^out=\$\(mktemp -d\) && chmod 755 "\$out" &&/);
  });
  it('says what to update when the compile command no longer writes into /out', () => {
    expect(() => reproduceLines({ ...base, compileCommand: ['gcc', 'default-size.c'] })).toThrow(/does not write into \/out.*update src\/components\/reproduce\.ts/);
  });
  it('quotes only what needs quoting', () => {
    expect(shellQuote('-O2')).toBe('-O2');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });
});
