import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { reproduceCommand, reproduceImages, reproduceLines, shellQuote } from '../../src/components/reproduce.ts';

const base = {
  sourcePath: 'thread-stack/default-size.c',
  compileCommand: ['gcc', '-O2', '-pthread', '-o', '/out/default-size', 'default-size.c'],
  buildImage: 'musl-lab/debian-glibc:bookworm',
  runImage: 'musl-lab/debian-glibc:bookworm',
  argv: ['/probe/default-size'],
};

describe('reproduce command', () => {
  it('builds in the build image, in the probe folder, with the build command as run, into a fresh folder', () => {
    const [fresh, build] = reproduceLines(base);
    expect(fresh).toBe('out=$(mktemp -d) && chmod 755 "$out" &&');
    expect(build).toBe('docker run --rm --network none -v "$PWD/c-probes":/src:ro -v "$out":/out -w /src/thread-stack musl-lab/debian-glibc:bookworm gcc -O2 -pthread -o /out/default-size default-size.c &&');
  });
  it('runs the argv with the output folder at /probe, as nobody, offline, read-only, in the run image', () => {
    const run = reproduceLines({ ...base, runImage: 'musl-lab/musl-run:1.2.3' })[2]!;
    expect(run).toContain('--network none --read-only --tmpfs /tmp -u 65534:65534 -w /tmp');
    expect(run).toContain('-v "$out":/probe:ro musl-lab/musl-run:1.2.3 ');
    expect(run).toMatch(/ sh -c '\/probe\/default-size; echo "\[exit status \$\?\]" >&2'$/);
  });
  it("runs a variant's own command as it ran", () => {
    const run = reproduceLines({ ...base, argv: ['ldd', '/probe/default-size'] })[2]!;
    expect(run).toContain(` sh -c 'ldd /probe/default-size; echo`);
  });
  it('runs a build script with its settings, as the page shows it', () => {
    const build = reproduceLines({ ...base, sourcePath: 'linking/syscalls/trace.c', compileCommand: ['env', 'CC=gcc', 'CFLAGS=-O2 -g', 'LDFLAGS=', 'NAME=trace', 'OUT=/out', 'sh', '-eu', 'build.sh'] })[1]!;
    expect(build).toContain("-w /src/linking/syscalls musl-lab/debian-glibc:bookworm env CC=gcc 'CFLAGS=-O2 -g' LDFLAGS= NAME=trace OUT=/out sh -eu build.sh &&");
  });
  it('fetches an npm program with npm pack and unpacks it as the runner does', () => {
    const build = reproduceLines({ ...base, compileCommand: ['npm', 'pack', 'some-tool@1.2.3'], npmBin: 'bin/tool' })[1]!;
    expect(build).toBe('(cd "$out" && npm pack some-tool@1.2.3 --silent >/dev/null && tar -xzf ./*.tgz --strip-components=1 --no-same-owner && rm ./*.tgz && chmod a+rx bin/tool) &&');
    expect(() => reproduceLines({ ...base, compileCommand: ['npm', 'pack', 'some-tool@1.2.3'] })).toThrow(/no program path inside the package/);
  });
  it('passes arguments, stack limit, environment and stdin, quoted for the shell', () => {
    const run = reproduceLines({ ...base, argv: ['/probe/default-size', '128k', "it's"], stackLimitKib: 1024, env: { LC_ALL: 'C.UTF-8' }, stdin: 'a b\n' })[2]!;
    expect(run).toMatch(/^printf %s 'a b\n' \| docker run /);
    expect(run).toContain(' -i ');
    expect(run).toContain('--ulimit stack=1048576:1048576');
    expect(run).toContain('-e LC_ALL=C.UTF-8');
    // Quoted twice (for the shell that runs docker, then for sh -c): a real shell gets the argv back.
    const words = run.slice(run.indexOf(' sh -c ') + 1);
    const parsed = execFileSync('sh', ['-c', `set -- ${words}; s=$3; eval "set -- \${s%%;*}"; printf '%s\\n' "$@"`], { encoding: 'utf8' });
    expect(parsed).toBe("/probe/default-size\n128k\nit's\n");
    expect(reproduceLines({ ...base, stackLimitKib: 'unlimited' })[2]).toContain('--ulimit stack=-1:-1');
    expect(reproduceLines({ ...base, stdin: '' })[2]).not.toContain(' -i ');
  });
  it('prints the exit status, as the page states it', () => {
    expect(reproduceLines(base)[2]).toMatch(/ sh -c '\/probe\/default-size; echo "\[exit status \$\?\]" >&2'$/);
  });
  it('is one command, continued over lines', () => {
    expect(reproduceCommand(base).split(' \\\n  ')).toHaveLength(3);
  });
  it('quotes only what needs quoting', () => {
    expect(shellQuote('-O2')).toBe('-O2');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });
  it('reruns a Docker result in its own images', () => {
    expect(reproduceImages({ backend: 'docker', buildTag: 'b:1', runTag: 'r:1', envId: 'musl', compileEnvId: 'musl' })).toEqual({ buildImage: 'b:1', runImage: 'r:1' });
  });
  it('reruns a sandbox result in the offline images its roots are made from, built where it was built', () => {
    const images = reproduceImages({ backend: 'sandbox', buildTag: 'sandbox root glibc-bookworm', runTag: 'sandbox root musl-bookworm', envId: 'musl-bookworm', compileEnvId: 'glibc-bookworm' });
    // Tags carry the suite and a short hash of the recipe.
    expect(images.buildImage).toMatch(/^musl-lab\/debian-glibc:bookworm-[0-9a-f]{8}$/);
    expect(images.runImage).toMatch(/^musl-lab\/musl-run:bookworm-[0-9a-f]{8}$/);
  });
});
