// npm run probes -- [--only ID]... [--env ID]... [--force] [--json] [--show] [--backend auto|docker|sandbox] [--images auto|upstream|offline]
import { runSession, projectPaths, loadAndCheck, imageSourceFromEnv, runnerVersion } from '../src/session/session.ts';
import { frozenNotice } from '../src/frozen/notice.ts';
import { frozenDirOf } from '../src/frozen/when.ts';
import { probeEntries } from '../src/loader/probe-entry.ts';
import { checkReferences } from '../src/lessons/references.ts';
import { updateSiteData } from '../src/session/site-data.ts';
import { inputsFingerprint, writeHandoff } from '../src/loader/handoff.ts';
import { backendChoiceFrom } from '../src/backends/choose.ts';
import { jsonReport, mismatchReport, showRuns, textSummary } from '../src/cli/summary.ts';
import { edgeReport, versionDiffReport, versionDifferences } from '../src/outcomes/version-diff.ts';
import { progressPrinter } from '../src/cli/progress.ts';
import { writeFileAtomic } from '../src/runner/cache.ts';
import { join } from 'node:path';
import { toolchains } from '../src/config/toolchains.ts';
import { runMain } from '../src/cli/run-main.ts';
import { concurrencyArg, parseOrHelp } from '../src/cli/args.ts';

const help = `npm run probes -- [options]

Compiles and runs every C probe in every libc environment, reusing cached
results whose inputs have not changed, and checks each run against its
manifest's expectations (a disagreement fails with a diff).

Options:
  --only ID        only this probe (topic/name), probe:variant, or topic; repeatable
  --env ID         only this environment (e.g. musl-trixie), or a family (glibc, musl: each version); repeatable
  --force          ignore the cache and run everything again
  --json           print one JSON report on stdout (progress goes to stderr)
  --backend NAME   auto (default: Docker when an engine answers, else the
                   bubblewrap sandbox, else the frozen results in frozen/),
                   docker, sandbox or frozen; also MUSL_LAB_BACKEND
                   (MUSL_LAB_ALLOW_STALE=1 publishes stale frozen results, marked)
  --images SOURCE  auto (default), upstream (registry images) or offline
                   (built from Debian packages); also MUSL_LAB_IMAGES
  --concurrency N  containers at once (default 2)
  --show           print each selected run's command, output and outcome
                   (what the pages will show), after the summary
  --list           print the probe and variant ids, run nothing
  -h, --help       this text
`;

async function main(): Promise<number> {
  const parsed = parseOrHelp({
      only: { type: 'string', multiple: true },
      env: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      images: { type: 'string' },
      backend: { type: 'string' },
      concurrency: { type: 'string' },
      list: { type: 'boolean', default: false },
      show: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    }, help);
  if (!parsed.values) return parsed.exit!;
  const args = parsed.values;
  const paths = projectPaths();
  if (args.list) {
    // Go, Rust and Python probes name their language: they run only where a toolchain image exists.
    for (const p of loadAndCheck(paths)) process.stdout.write(`${p.id}${p.toolchain ? ` [${toolchains[p.toolchain].label}]` : ''}  (${p.variants.map((v) => v.id).join(', ')})\n`);
    return 0;
  }
  const parsedConcurrency = concurrencyArg(args.concurrency);
  if ('error' in parsedConcurrency) {
    process.stderr.write(`${parsedConcurrency.error}\n`);
    return 2;
  }
  const { concurrency } = parsedConcurrency;
  const out = args.json ? process.stderr : process.stdout;
  const progress = progressPrinter(out);
  const started = performance.now();
  const session = await runSession({
    paths,
    only: args.only,
    envs: args.env,
    force: args.force,
    imageSource: args.images ? imageSourceFromEnv(args.images) : undefined,
    backendChoice: args.backend ? backendChoiceFrom(args.backend, '--backend') : undefined,
    concurrency,
    onEvent: progress.onEvent,
    log: progress.log,
    onInterrupt: (signal) => out.write(`\n${signal}: stopping every running container or sandbox; completed results stay cached.\n`),
  });
  progress.done();
  const diffs = versionDifferences(session.records);
  const report = jsonReport(session.records, session.notRun, diffs);
  // The run report (every run, its outcome, time and cache state): read by the site's status page.
  const frozen = session.frozen && { madeAt: session.frozen.madeAt, stale: Object.keys(session.frozen.stale) };
  writeFileAtomic(join(paths.cacheDir, 'last-run.json'), JSON.stringify({ ...report, finishedAt: new Date().toISOString(), ...(frozen ? { frozen } : {}) }, null, 2));
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  out.write(`${textSummary(session.records, performance.now() - started, session.notRun)}\n`);
  const notice = frozenNotice(session, { dockerDir: paths.dockerDir, frozenDir: frozenDirOf(paths.root), runnerVersion: runnerVersion(), partial: Boolean(args.only?.length || args.env?.length) });
  if (notice) out.write(`${notice}\n`);
  if (args.show) out.write(`\n${showRuns(session.records)}`);
  const edge = edgeReport(session.records, diffs);
  if (edge) out.write(`\n${edge}\n`);
  const mismatches = [mismatchReport(session.records), versionDiffReport(diffs)].filter(Boolean).join('\n\n');
  if (mismatches) {
    process.stderr.write(`\n${mismatches}\n`);
    return 1;
  }
  // Every probe ran or was found cached: the site build that follows (npm run build) takes these entries as they are.
  if (!args.only?.length && !args.env?.length) {
    // What the in-page checker publishes about each environment: the loader of a build that takes the hand-off does not bind environments itself.
    await updateSiteData(session, paths.cacheDir, (line) => process.stderr.write(`${line}\n`));
    writeHandoff(paths.cacheDir, inputsFingerprint(paths.probesDir, runnerVersion()), probeEntries(session.probes, session.envs, session.records, session.notRun, { frozen: session.frozen, references: checkReferences(paths.root, paths.contentDir, session.probes), diffs }));
  }
  return 0;
}

runMain(main);
