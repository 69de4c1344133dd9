import { describe, expect, it } from 'vitest';
import { extractSymptoms, normaliseMessage, runStage } from '../../src/symptoms/extract.ts';
import { byOutcome, entryEnvironments, entryRuns, libcShort, symptomIndex, type SymptomSource } from '../../src/symptoms/group.ts';
import { lessonHref, lessonsOf, placeOfRun, runAnchor } from '../../src/symptoms/places.ts';
import { checkQuotes, findQuotes, messageAnchor, quotableTexts } from '../../src/symptoms/quotes.ts';
import { loadManifest } from '../../src/manifest/load.ts';
import type { ProbeReference } from '../../src/lessons/references.ts';
import type { Result } from '../../src/runner/result.ts';
import { caught, result, tempTree } from './helpers.ts';

const run = (over: Partial<Result>) => result(over);
const messages = (r: Result, symptom?: Parameters<typeof extractSymptoms>[1]) => extractSymptoms(r, symptom).map((s) => s.message);

describe('normaliseMessage', () => {
  it.each([
    ['the program path under /probe', '/bin/sh: /probe/hello: not found', '/bin/sh: …: not found'],
    ['the path in a loader message', 'Error relocating /probe/glibc-only: __res_init: symbol not found', 'Error relocating …: __res_init: symbol not found'],
    ['the /probe folder in "needed by"', 'Error loading shared library libgcc_s.so.1: No such file or directory (needed by /probe/lib.so)', 'Error loading shared library libgcc_s.so.1: No such file or directory (needed by …)'],
    ['a temporary file', '/usr/bin/ld: /tmp/ccAbC123.o: undefined reference to `strlcpy\'', 'undefined reference to `strlcpy\''],
    ['a linker section location', '/usr/bin/ld: probe.c:(.text.startup+0x2d): undefined reference to `__isnan\'', 'undefined reference to `__isnan\''],
    ['a section location of an archive member, on its own line', '(.text+0x1902): undefined reference to `_dl_find_object\'', 'undefined reference to `_dl_find_object\''],
    ['a section location without the linker\'s name', 'probe.c:(.text+0x25): undefined reference to `swapcontext\'', 'undefined reference to `swapcontext\''],
    ['a compiler location', 'probe.c:12:5: error: \'O_RDWR\' undeclared (first use in this function)', 'error: \'O_RDWR\' undeclared (first use in this function)'],
    ['a header location', '/usr/include/sys/poll.h:1:2: warning: #warning redirecting incorrect #include <sys/poll.h> to <poll.h> [-Wcpp]', 'warning: #warning redirecting incorrect #include <sys/poll.h> to <poll.h> [-Wcpp]'],
    ['the path in bash\'s message', 'bash: line 1: /probe/hello: cannot execute: required file not found', 'bash: line 1: …: cannot execute: required file not found'],
    ['the path in glibc\'s loader message', '/probe/hello: error while loading shared libraries: libc.musl-x86_64.so.1: cannot open shared object file: No such file or directory', '…: error while loading shared libraries: libc.musl-x86_64.so.1: cannot open shared object file: No such file or directory'],
    ['an address', 'free(): invalid pointer at 0x55d0c0ffee10', 'free(): invalid pointer at 0x…'],
    ['a pid', 'child pid 4242 exited', 'child pid …'.replace('…', '…') + ' exited'],
  ])('takes out %s', (_what, line, expected) => {
    expect(normaliseMessage(line)).toBe(expected);
  });

  it('indexes a located linker message the same with and without the linker\'s name', () => {
    const named = normaliseMessage('/usr/bin/ld: p.c:(.text+0x1c): warning: Using \'getaddrinfo\' in statically linked applications');
    expect(named).toBe('warning: Using \'getaddrinfo\' in statically linked applications');
    expect(normaliseMessage('p.c:(.text+0x1c): warning: Using \'getaddrinfo\' in statically linked applications')).toBe(named);
  });

  it('keeps the linker\'s name where it names no location', () => {
    expect(normaliseMessage('/usr/bin/ld: cannot find -lexecinfo: No such file or directory')).toBe('ld: cannot find -lexecinfo: No such file or directory');
  });

  it('keeps a linker warning as the linker says it', () => {
    expect(normaliseMessage('/usr/bin/ld: warning: Using \'getaddrinfo\' in statically linked applications requires at runtime the shared libraries')).toBe(
      'ld: warning: Using \'getaddrinfo\' in statically linked applications requires at runtime the shared libraries',
    );
  });

  it('keeps errno numbers and words verbatim', () => {
    expect(normaliseMessage('  open: No such file or directory (errno 2)  ')).toBe('open: No such file or directory (errno 2)');
  });

  it('cuts a very long line, keeping its beginning', () => {
    const out = normaliseMessage(`error: ${'x'.repeat(500)}`);
    expect(out.length).toBe(240);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('runStage', () => {
  it.each([
    [{ kind: 'compile-failed' as const }, "won't build"],
    [{ kind: 'exec-failed' as const }, "won't start"],
    [{ kind: 'exit' as const, exitCode: 127 }, "won't start"],
    [{ kind: 'exit' as const, exitCode: 126 }, "won't start"],
    [{ kind: 'signal' as const, signal: 'SIGSEGV' }, 'crashes'],
    [{ kind: 'timeout' as const }, 'crashes'],
    [{ kind: 'exit' as const, exitCode: 1 }, 'answers differently'],
    [{ kind: 'ok' as const, exitCode: 0 }, 'answers differently'],
  ])('%o → %s', (outcome, stage) => {
    expect(runStage(outcome)).toBe(stage);
  });
});

describe('extractSymptoms: default rules', () => {
  it('takes error and warning lines of the diagnostics, not their context', () => {
    const diagnostics = [
      'probe.c: In function \'main\':',
      'probe.c:3:9: error: \'O_RDWR\' undeclared (first use in this function)',
      '    3 |  return O_RDWR;',
      '      |         ^~~~~~',
      'probe.c:3:9: note: each undeclared identifier is reported only once',
    ].join('\n');
    const r = run({ outcome: { kind: 'compile-failed' }, compile: { ok: false, exitCode: 1, diagnostics, durationMs: 1 } });
    expect(extractSymptoms(r)).toEqual([{ message: 'error: \'O_RDWR\' undeclared (first use in this function)', stream: 'diagnostics', stage: "won't build" }]);
  });

  it('takes every stderr line but metrics, staged by how the run ended', () => {
    const r = run({ outcome: { kind: 'exit', exitCode: 127 }, stderr: 'Error relocating /probe/x: fcntl64: symbol not found\nelapsed_ms=3\n' });
    expect(extractSymptoms(r)).toEqual([{ message: 'Error relocating …: fcntl64: symbol not found', stream: 'stderr', stage: "won't start" }]);
  });

  it('takes only the stdout lines with an error word', () => {
    const r = run({ stdout: 'locale: C.UTF-8\ngetaddrinfo: Name does not resolve\nsetlocale failed\n' });
    expect(messages(r)).toEqual(['getaddrinfo: Name does not resolve', 'setlocale failed']);
  });

  it('lists a message once per run', () => {
    const r = run({ stderr: 'oops\noops\n' });
    expect(messages(r)).toEqual(['oops']);
  });

  it('counts warnings of a build that succeeded as a build symptom', () => {
    const r = run({ compile: { ok: true, exitCode: 0, diagnostics: 'p.c:1:1: warning: implicit declaration of function \'strlcpy\'\n', durationMs: 1 } });
    expect(extractSymptoms(r)[0]?.stage).toBe("won't build");
  });
});

describe('extractSymptoms: the manifest\'s "symptom"', () => {
  it('reads a stream it names only through its patterns, indexing the capture group', () => {
    const r = run({ stdout: 'strerror(0) = No error information\nerrors seen: 0\n' });
    expect(messages(r, { stdout: ['^strerror\\(0\\) = (.+)$'] })).toEqual(['No error information']);
  });

  it('leaves a stream out with an empty list, and keeps the default rules for the others', () => {
    const r = run({ stdout: 'failed\n', stderr: 'warning: x\n' });
    expect(messages(r, { stderr: [] })).toEqual(['failed']);
  });

  it('gives its stage to the lines its patterns pick, not to the other streams', () => {
    const r = run({ outcome: { kind: 'exit', exitCode: 127 }, stdout: 'main stack: 8 MiB\n', stderr: 'sh: not found\n' });
    const lines = extractSymptoms(r, { stdout: ['^main stack: .*$'], stage: 'crashes' });
    expect(lines.map((l) => [l.message, l.stage])).toEqual([['sh: not found', "won't start"], ['main stack: 8 MiB', 'crashes']]);
  });

  it('gives a stage named alone to the program\'s output', () => {
    const r = run({ stderr: 'unrecognized option\n' });
    expect(extractSymptoms(r, { stage: "won't start" })[0]?.stage).toBe("won't start");
  });
});

describe('the manifest field', () => {
  const load = (manifest: unknown) => {
    const dir = tempTree({ 'basics/hello.c': 'int main(void) { return 0; }\n', 'basics/hello.probe.json': JSON.stringify(manifest) });
    return loadManifest(dir, 'basics/hello.probe.json', ['glibc', 'musl']);
  };

  it('reaches every variant, and a variant\'s own replaces the probe\'s', () => {
    const probe = load({ title: 'T', symptom: { stderr: ['x'] }, variants: [{ id: 'a' }, { id: 'b', symptom: { stage: 'crashes' } }] });
    expect(probe.variants.map((v) => v.symptom)).toEqual([{ stderr: ['x'] }, { stage: 'crashes' }]);
  });

  it.each([
    ['a bad regex', { stderr: ['('] }, 'symptom.stderr[0]: not a valid regular expression'],
    ['an unknown stage', { stage: 'explodes' }, 'symptom.stage: a stage: "won\'t build", "won\'t start", "crashes", "answers differently"'],
    ['an unknown stream', { stdin: ['x'] }, 'symptom: unknown field "stdin"'],
    ['an empty field', {}, 'symptom: give at least one of'],
  ])('names the field for %s', (_what, symptom, text) => {
    const error = caught(() => load({ title: 'T', symptom }));
    expect(error.name).toBe('ManifestInvalid');
    expect(error.message).toContain(text);
  });
});

describe('symptomIndex', () => {
  const probe = (id: string, results: Result[], over: Partial<SymptomSource> = {}): SymptomSource => ({
    id, title: id, variants: [{ id: 'default', label: 'default' }],
    environments: [{ id: 'glibc', label: 'Glibc' }, { id: 'musl', label: 'Musl' }], results, ...over,
  });
  const musl = (over: Partial<Result>) => result({ envId: 'musl', provenance: { ...result().provenance, libc: 'musl 1.2.3' }, ...over });

  it('makes one entry per distinct message, with every run that printed it', () => {
    const a = probe('a/one', [musl({ probeId: 'a/one', outcome: { kind: 'exit', exitCode: 127 }, stderr: '/bin/sh: /probe/one: not found' })]);
    const b = probe('a/two', [musl({ probeId: 'a/two', outcome: { kind: 'exit', exitCode: 127 }, stderr: '/bin/sh: /probe/two: not found' })]);
    const [group] = symptomIndex([a, b]);
    expect(group!.stage).toBe("won't start");
    expect(group!.entries).toHaveLength(1);
    expect(group!.entries[0]!.occurrences.map((o) => [o.probeId, o.envLabel, o.libc, o.outcome])).toEqual([
      ['a/one', 'Musl', 'musl 1.2.3', 'exit 127'],
      ['a/two', 'Musl', 'musl 1.2.3', 'exit 127'],
    ]);
  });

  it('files a message under the earliest stage it appears in, stages in reading order', () => {
    const p = probe('a/x', [
      result({ stderr: 'boom' }),
      musl({ outcome: { kind: 'signal', signal: 'SIGSEGV' }, stderr: 'boom\nbang' }),
    ]);
    expect(symptomIndex([p]).map((g) => [g.stage, g.entries.map((e) => e.message)])).toEqual([
      ['crashes', ['bang', 'boom']],
    ]);
  });

  it('lists environments once each and groups runs by variant', () => {
    const p = probe('a/x', [result({ stderr: 'e' }), musl({ stderr: 'e' })]);
    const entry = symptomIndex([p])[0]!.entries[0]!;
    expect(entryEnvironments(entry).map((e) => e.envId)).toEqual(['glibc', 'musl']);
    expect(entryRuns(entry).map((r) => [r.probeId, r.variantId, r.runs.length])).toEqual([['a/x', 'default', 2]]);
  });

  it('gathers a run\'s environments by how they ended', () => {
    const p = probe('a/x', [result({ stderr: 'e' }), musl({ stderr: 'e' }), musl({ envId: 'musl2', stderr: 'e', outcome: { kind: 'exit', exitCode: 1 } })], {
      environments: [{ id: 'glibc', label: 'G' }, { id: 'musl', label: 'M' }, { id: 'musl2', label: 'M2' }],
    });
    const runs = entryRuns(symptomIndex([p])[0]!.entries[0]!)[0]!.runs;
    expect(byOutcome(runs)).toEqual([
      { envLabels: ['G', 'M'], outcome: 'ok', compiler: false },
      { envLabels: ['M2'], outcome: 'exit 1', compiler: false },
    ]);
  });

  it('reads each variant\'s symptom field', () => {
    const p = probe('a/x', [result({ stdout: 'value: 7' })], { variants: [{ id: 'default', label: 'd', symptom: { stdout: ['^value: (\\d+)'] } }] });
    expect(symptomIndex([p])[0]!.entries.map((e) => e.message)).toEqual(['7']);
  });
});

describe('places', () => {
  const ref = (file: string, component: string, variants: string[] = [], id = 'a/x'): ProbeReference => ({ file, line: 1, component, id, variants });

  it('turns a lesson file into its page', () => {
    expect(lessonHref('content/differences/stdio.mdx')).toBe('/differences/stdio/');
    expect(lessonHref('content/index.mdx')).toBe('/');
    expect(lessonHref('content/dns/index.mdx', '/base')).toBe('/base/dns/');
  });

  it('sends a run to the <Probe> that shows its variant, with the variant\'s anchor', () => {
    const refs = [ref('content/index.mdx', 'Probe'), ref('content/a.mdx', 'ProbeOutput', ['v']), ref('content/b.mdx', 'Probe', ['v'])];
    expect(placeOfRun(refs, 'a/x', 'v')).toEqual({ file: 'content/b.mdx', href: `/b/#${runAnchor('a/x', 'v')}` });
  });

  it('falls back to a page that quotes the run, without an anchor, and to nothing', () => {
    expect(placeOfRun([ref('content/a.mdx', 'ProbeOutput', ['v'])], 'a/x', 'v')?.href).toBe('/a/');
    expect(placeOfRun([ref('content/a.mdx', 'Probe', ['w'])], 'a/x', 'v')?.href).toBe('/a/');
    expect(placeOfRun([], 'a/x', 'v')).toBeUndefined();
  });

  it('lists the lessons of several probes once each, the landing page last', () => {
    const refs = [ref('content/index.mdx', 'Probe'), ref('content/a.mdx', 'Probe'), ref('content/a.mdx', 'ProbeMatrix', [], 'a/y')];
    expect(lessonsOf(refs, ['a/x', 'a/y'])).toEqual(['content/a.mdx', 'content/index.mdx']);
  });
});

describe('quotes', () => {
  it('finds <Symptom text> with either quote, with its line', () => {
    const text = 'x\n<Symptom text="not found" /> and <Symptom text=\'it said "no"\' />\n';
    expect(findQuotes('content/a.mdx', text)).toEqual([
      { file: 'content/a.mdx', line: 2, text: 'not found' },
      { file: 'content/a.mdx', line: 2, text: 'it said "no"' },
    ]);
  });

  it('accepts a quote some run printed, raw or as indexed, and names the others', () => {
    const texts = quotableTexts([result({ stderr: 'Error relocating /probe/x: fcntl64:  symbol not found\n' })]);
    const quotes = [
      { file: 'content/a.mdx', line: 3, text: 'fcntl64: symbol not found' },
      { file: 'content/a.mdx', line: 4, text: 'Error relocating …: fcntl64' },
      { file: 'content/a.mdx', line: 5, text: 'symbol lookup error' },
    ];
    expect(checkQuotes(quotes, texts)).toEqual(['content/a.mdx:5: <Symptom text="symbol lookup error"> quotes a message that no probe run printed']);
  });

  it('gives each message a stable anchor', () => {
    expect(messageAnchor('a')).toBe(messageAnchor('a'));
    expect(messageAnchor('a')).not.toBe(messageAnchor('b'));
    expect(messageAnchor('a')).toMatch(/^m-[0-9a-f]{8}$/);
  });
});

describe('libcShort', () => {
  it.each([
    ['ldd (Debian GLIBC 2.36-9+deb12u10) 2.36', 'glibc 2.36'],
    ['ldd (Ubuntu GLIBC 2.39-0ubuntu8.4) 2.39', 'glibc 2.39'],
    ['musl libc (x86_64) Version 1.2.3', 'musl 1.2.3'],
    ['something else 9', 'something else 9'],
  ])('%s → %s', (line, short) => {
    expect(libcShort(line)).toBe(short);
  });
});
