// npm run freeze -- [--check] [--backend auto|docker|sandbox] [--images auto|upstream|offline] [--concurrency N]
import { runSession, projectPaths, loadAndCheck, imageSourceFromEnv, runnerVersion } from '../src/session/session.ts';
import { backendChoiceFrom } from '../src/backends/choose.ts';
import { progressPrinter } from '../src/cli/progress.ts';
import { runMain } from '../src/cli/run-main.ts';
import { concurrencyArg, parseOrHelp } from '../src/cli/args.ts';
import { LabError } from '../src/errors/lab-error.ts';
import { snapshotInput } from '../src/frozen/freeze.ts';
import { snapshotSize, writeSnapshot } from '../src/frozen/snapshot.ts';
import { frozenDirOf } from '../src/frozen/when.ts';
import { judgeSnapshot } from '../src/frozen/thaw.ts';
import { lackingCheckSite, staleList } from '../src/frozen/staleness.ts';
import { updateSiteData } from '../src/session/site-data.ts';
import { siteData } from '../src/check/publish.ts';

const help = `npm run freeze -- [options]

Runs every probe (cached results are reused), reads every environment's loader
and libraries for the in-page checker (once per image), and writes frozen/: the
snapshot a machine with no Docker engine and no sandbox builds the site from.
Commit frozen/ afterwards. See ARCHITECTURE.md, "Frozen results".

Options:
  --check          write nothing: say whether frozen/ still answers every run
                   of this checkout and holds the in-page checker's data of every
                   environment (needs no engine); exit 1 with what is missing
  --backend NAME   auto (default), docker or sandbox; also MUSL_LAB_BACKEND
  --images SOURCE  auto (default), upstream or offline; also MUSL_LAB_IMAGES
  --concurrency N  runs at once (default 2)
  -h, --help       this text
`;

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

async function main(): Promise<number> {
  const parsed = parseOrHelp({
      check: { type: 'boolean', default: false },
      images: { type: 'string' },
      backend: { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    }, help);
  if (!parsed.values) return parsed.exit!;
  const args = parsed.values;
  const paths = projectPaths();
  const frozenDir = frozenDirOf(paths.root);
  if (args.check) {
    const { snapshot, judged } = judgeSnapshot(loadAndCheck(paths), { dockerDir: paths.dockerDir, frozenDir, runnerVersion: runnerVersion() });
    const made = snapshot.index.madeAt.slice(0, 16).replace('T', ' ');
    const lacking = lackingCheckSite(snapshot.index);
    if (judged.stale.length === 0 && lacking.length > 0) {
      process.stdout.write(`frozen/ (made ${made} UTC) answers all ${judged.fresh.length + judged.notRun.length} runs of this checkout, and lacks the in-page checker's data of ${lacking.join(', ')}.\nRun \`npm run freeze\` on a machine with Docker or bubblewrap and commit frozen/.\n`);
      return 1;
    }
    if (judged.stale.length === 0) {
      process.stdout.write(`frozen/ (made ${made} UTC) answers all ${judged.fresh.length + judged.notRun.length} runs of this checkout, and holds the in-page checker's data of every environment.\n`);
      return 0;
    }
    process.stdout.write(`frozen/ (made ${made} UTC) is stale for ${judged.stale.length} run(s):\n${staleList(judged.stale)}\nRun \`npm run freeze\` on a machine with Docker or bubblewrap and commit frozen/.\n`);
    return 1;
  }
  const parsedConcurrency = concurrencyArg(args.concurrency);
  if ('error' in parsedConcurrency) {
    process.stderr.write(`${parsedConcurrency.error}\n`);
    return 2;
  }
  const { concurrency } = parsedConcurrency;
  const choice = args.backend ? backendChoiceFrom(args.backend, '--backend') : backendChoiceFrom(process.env.MUSL_LAB_BACKEND);
  if (choice === 'frozen') {
    process.stderr.write('freezing needs a backend that runs the probes: use --backend auto, docker or sandbox.\n');
    return 2;
  }
  const progress = progressPrinter(process.stdout);
  const session = await runSession({
    paths,
    backendChoice: choice,
    imageSource: args.images ? imageSourceFromEnv(args.images) : undefined,
    concurrency,
    onEvent: progress.onEvent,
    log: progress.log,
  });
  progress.done();
  if (session.frozen) {
    throw new LabError({
      name: 'FreezeRefused',
      message: 'Nothing can run here (no Docker engine answers and the sandbox cannot run), so there are no new results to freeze; frozen/ was left as it was.',
      hint: 'Freeze on a machine with Docker or bubblewrap (`npm run doctor` says what is missing).',
    });
  }
  // The in-page checker's data goes into the snapshot too (a hosted builder cannot read it).
  await updateSiteData(session, paths.cacheDir, progress.log);
  const checkSite = siteData(paths.cacheDir).environments;
  writeSnapshot(frozenDir, snapshotInput({ ...session, checkSite }, { dockerDir: paths.dockerDir, runnerVersion: runnerVersion(), madeAt: new Date().toISOString() }));
  const size = snapshotSize(frozenDir);
  const distinct = size.results.files - 1;
  process.stdout.write(
    `froze ${session.records.length} runs (${distinct} distinct results, ${session.notRun.length} not run) into frozen/: ${size.results.files} files, ${kib(size.results.bytes)} (${kib(size.results.gzip)} gzipped); ` +
      `the in-page checker's data of ${checkSite.length} environments: ${size.checkSite.files} files, ${kib(size.checkSite.bytes)} (${kib(size.checkSite.gzip)} gzipped). Commit frozen/.\n`,
  );
  return 0;
}

runMain(main);
