import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSession, projectPaths } from '../../src/session/session.ts';
import { readElf } from '../../src/check/elf.ts';
import { bytesSource, readElfBytes } from '../../src/check/elf-reader.ts';
import { checkFile, siteData } from '../../src/check/in-browser.ts';
import { siteData as cachedSiteData } from '../../src/check/publish.ts';
import { recordedMessages } from '../../src/check/published.ts';
import type { ElfFacts } from '../../src/check/facts.ts';
import { programStarted } from '../../src/check/agreement.ts';
import { fetchNpmProgram } from '../../src/runner/npm-fetch.ts';
import type { RunRecord } from '../../src/session/run.ts';

/**
 * The page's checker against the CLI and reality: for every program the site
 * judges (probes with "check": true — the linking probes and the npm prebuilt
 * binaries), the JS reader must give readelf's facts, and the page's verdict
 * (published data + shared rules) must equal check-binary's and the run's.
 * Then a corpus built here (static, static-pie, PIE, 32-bit, non-x86,
 * shared library, stripped): same facts as readelf, field by field.
 */
const canon = (f: ElfFacts) => JSON.stringify(Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b))));

let records: RunRecord[];
let session: Awaited<ReturnType<typeof runSession>>;
let data: ReturnType<typeof siteData>;
const paths = projectPaths();

beforeAll(async () => {
  session = await runSession({ paths });
  // Go, Rust and Python probes run in their environment's toolchain image, which holds more
  // libraries (BLAS for NumPy, say) than the environment the page publishes: the page describes
  // the environments readers compare with, so only runs in those are held to it.
  records = session.records.filter((r) => r.check && r.result.compile.ok && !r.spec.probe.toolchain);
  // The page's data, as the build publishes it (same files, no HTTP).
  const site = cachedSiteData(paths.cacheDir).environments;
  const runs = records.map((r) => ({ result: r.result, verdict: r.check! }));
  const libraries = Object.assign({}, ...site.map((s) => s.libraries));
  data = siteData(async (p) => {
    if (p === 'index.json') return { environments: site.map((s) => ({ id: s.env.id, label: s.env.label, libc: s.env.libc, distro: s.env.distro })), missing: [], messages: recordedMessages(runs) };
    if (p.startsWith('env/')) return site.find((s) => `env/${s.env.id}.json` === p)!.env;
    return libraries[p.slice(4, -5)];
  });
}, 1_200_000);

async function programOf(r: RunRecord): Promise<string> {
  const spec = r.spec.compile;
  const dir = (spec.probe.build.kind === 'npm' ? await fetchNpmProgram(spec.probe, paths.cacheDir) : await session.backend!.compile(spec)).binaryDir;
  // A probe may have check-binary judge a build output other than its program (checkFile: a Python extension).
  return join(dir, r.spec.probe.checkFile ?? r.spec.probe.program);
}

describe('the page agrees with check-binary and the runs', () => {
  it('for every judged run: same facts as readelf, same verdict as the CLI, and the run agrees', async () => {
    const counts = { runs: 0, sameFacts: 0, sameVerdict: 0, agreesWithRun: 0, runUnknown: 0 };
    const problems: string[] = [];
    for (const r of records) {
      const file = await programOf(r);
      if (!existsSync(file)) {
        problems.push(`${r.result.id}: no program file at ${file}`);
        continue;
      }
      counts.runs++;
      const bytes = readFileSync(file);
      const js = await readElfBytes(bytesSource(bytes));
      if (canon(js.facts) === canon(await readElf(file))) counts.sameFacts++;
      else problems.push(`${r.result.id}: the JS reader's facts differ from readelf's`);
      const name = r.spec.argv[0]!.split('/').pop()!;
      const page = (await checkFile(name, bytesSource(bytes), data)).verdicts.find((v) => v.env === r.result.envId)!;
      if (page.verdict === r.check!.verdict) counts.sameVerdict++;
      else problems.push(`${r.result.id}: page says ${page.verdict}, check-binary ${r.check!.verdict} (${page.reasons.join('; ')})`);
      const started = programStarted(r.result);
      if (started === null || page.verdict === 'unknown') counts.runUnknown++;
      else if ((page.verdict === 'runs') === started) counts.agreesWithRun++;
      else problems.push(`${r.result.id}: page says ${page.verdict} but the program ${started ? 'started' : 'did not start'}`);
    }
    console.log(`agreement: ${JSON.stringify(counts)}`);
    expect(problems).toEqual([]);
    expect(counts.runs).toBeGreaterThanOrEqual(10);
  }, 600_000);
});

describe('a corpus built here: the JS reader gives readelf\'s facts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'elf-corpus-'));
  const gcc = (args: string[]) => execFileSync('gcc', args, { cwd: dir, stdio: 'pipe' });
  const made: string[] = [];
  const skipped: string[] = [];
  beforeAll(() => {
    writeFileSync(join(dir, 'hello.c'), '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n');
    writeFileSync(join(dir, 'lib.c'), 'int twice(int x) { return 2 * x; }\n');
    writeFileSync(join(dir, 'start.c'), 'void _start(void) { for (;;); }\n');
    const build: [string, string[]][] = [
      ['pie', ['-fPIE', '-pie', 'hello.c', '-o', 'pie']],
      ['no-pie', ['-no-pie', 'hello.c', '-o', 'no-pie']],
      ['static', ['-static', 'hello.c', '-o', 'static']],
      ['static-pie', ['-static-pie', 'hello.c', '-o', 'static-pie']],
      ['shared.so', ['-shared', '-fPIC', 'lib.c', '-Wl,-soname,libtwice.so.1', '-Wl,-rpath,$ORIGIN/../lib', '-o', 'shared.so']],
      // No 32-bit C library on this machine (gcc -m32 cannot link hello.c): a 32-bit program without one.
      ['i386-static', ['-m32', '-nostdlib', '-static', 'start.c', '-o', 'i386-static']],
    ];
    for (const [name, args] of build) {
      try {
        gcc(args);
        made.push(name);
      } catch (error) {
        skipped.push(`${name}: ${(error as { stderr?: Buffer }).stderr?.toString().split('\n')[0]}`);
      }
    }
    if (made.includes('pie')) {
      execFileSync('strip', ['-o', join(dir, 'stripped'), join(dir, 'pie')]);
      made.push('stripped');
    }
    // Another machine, without a cross toolchain: an AArch64 header on the PIE's body.
    if (made.includes('pie')) {
      const other = readFileSync(join(dir, 'pie'));
      other.writeUInt16LE(183, 18);
      writeFileSync(join(dir, 'aarch64-header'), other);
      made.push('aarch64-header');
    }
  });

  it('for each corpus file (static, static-pie, PIE, no-PIE, 32-bit, non-x86 header, shared library, stripped)', async () => {
    if (skipped.length) console.log(`corpus: not built here: ${skipped.join('; ')}`);
    expect(made.length).toBeGreaterThanOrEqual(6);
    for (const name of made) {
      const file = join(dir, name);
      const js = await readElfBytes(bytesSource(readFileSync(file)));
      expect(canon(js.facts), name).toBe(canon(await readElf(file)));
    }
    const verdicts = Object.fromEntries(
      await Promise.all(made.map(async (name) => [name, (await checkFile(name, bytesSource(readFileSync(join(dir, name))), data)).verdicts.map((v) => `${v.env}:${v.verdict}`).join(' ')])),
    );
    console.log(`corpus verdicts: ${JSON.stringify(verdicts, null, 1)}`);
    expect(verdicts['static']).not.toContain('fails');
    expect(verdicts['shared.so']).not.toContain('runs');
    expect(verdicts['aarch64-header']).not.toContain('runs');
  }, 120_000);
});
