import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultEnvironmentIds, environmentIds, expandEnvironment, type ImageSource } from '../config/environments.ts';
import { loadProbes } from '../manifest/load.ts';
import type { Probe } from '../manifest/probe.ts';
import { checkReferences } from '../lessons/references.ts';
import { checkVersionsInProse } from '../lessons/versions-in-prose.ts';
import { connectDocker } from '../backends/docker/engine.ts';
import { DockerBackend } from '../backends/docker/docker-backend.ts';
import type { Backend } from '../backends/backend.ts';
import { SandboxBackend } from '../backends/sandbox/sandbox-backend.ts';
import { defaultRootsDir } from '../backends/sandbox/roots.ts';
import { backendChoiceFrom, chooseBackend, type BackendChoice } from '../backends/choose.ts';
import { ResultCache } from '../runner/cache.ts';
import { compileEnvId, planRuns, type BoundEnvironment, type PlanFilter } from '../runner/plan.ts';
import { executeRuns, splitRunnable, type NotRun, type RunEvent, type RunRecord } from './run.ts';
import { LabError } from '../errors/lab-error.ts';
import { guardInterrupts } from '../runner/interrupt.ts';
import { fetchNpmProgram } from '../runner/npm-fetch.ts';
import { addChecks } from './run-checks.ts';
import { progressCounter, withProgress } from './stopped-run.ts';
import { sandboxProblem } from '../backends/sandbox/availability.ts';
import { snapshotExists } from '../frozen/snapshot.ts';
import { frozenDirOf, frozenReason } from '../frozen/when.ts';
import { allowStaleFromEnv, thawSession, type FrozenInfo } from '../frozen/thaw.ts';
import type { FrozenSite } from '../check/publish.ts';

export interface ProjectPaths {
  root: string;
  probesDir: string;
  contentDir: string;
  dockerDir: string;
  cacheDir: string;
}

/**
 * Where probes, lessons, images and the cache live. MUSL_LAB_ROOT points the
 * runner at another folder holding c-probes/ and content/ (tests use it);
 * MUSL_LAB_CACHE moves the cache; MUSL_LAB_DOCKER the image recipes (tests).
 */
export function projectPaths(root = process.env.MUSL_LAB_ROOT ?? fileURLToPath(new URL('../..', import.meta.url))): ProjectPaths {
  return {
    root,
    probesDir: join(root, 'c-probes'),
    contentDir: join(root, 'content'),
    dockerDir: process.env.MUSL_LAB_DOCKER ?? fileURLToPath(new URL('../../docker', import.meta.url)),
    cacheDir: process.env.MUSL_LAB_CACHE ?? join(root, '.cache', 'musl-lab'),
  };
}

/** Bumped when the runner changes what a result means; part of every cache key. */
export function runnerVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `${pkg.version}+results-3`;
}

export function imageSourceFromEnv(value = process.env.MUSL_LAB_IMAGES): ImageSource | 'auto' {
  if (!value || value === 'auto') return 'auto';
  if (value === 'upstream' || value === 'offline') return value;
  throw new LabError({
    name: 'ConfigInvalid',
    message: `MUSL_LAB_IMAGES is "${value}", which is not an image source.`,
    hint: 'Use auto (the default), upstream or offline.',
  });
}

export interface SessionOptions extends PlanFilter {
  paths?: ProjectPaths;
  force?: boolean;
  imageSource?: ImageSource | 'auto';
  /** auto (default; also MUSL_LAB_BACKEND): Docker when an engine answers, else the bubblewrap sandbox. */
  backendChoice?: BackendChoice;
  concurrency?: number;
  onEvent?: (event: RunEvent) => void;
  log?: (line: string) => void;
  /** Called when Ctrl-C or SIGTERM arrives, before containers are stopped. */
  onInterrupt?: (signal: NodeJS.Signals) => void;
  /** Build a backend (tests inject fakes); default: the one backendChoice picks. */
  backend?: (paths: ProjectPaths, log: (line: string) => void) => Backend;
}

export interface SessionResult {
  probes: Probe[];
  envs: Map<string, BoundEnvironment>;
  records: RunRecord[];
  /** Runs this backend cannot make on this machine, with the reason the pages show. */
  notRun: NotRun[];
  /** The backend that ran; absent when the results came from the frozen snapshot. */
  backend?: Backend;
  /** Set when nothing could run here and every result came from the snapshot (src/frozen/). */
  frozen?: FrozenInfo;
  /** With `frozen`: the in-page checker's data per environment, from the snapshot (site-data.ts stores it). */
  checkSite?: Map<string, FrozenSite>;
}

/** The backend --backend (or MUSL_LAB_BACKEND) asks for; auto picks Docker when an engine answers. */
export async function defaultBackend(
  paths: ProjectPaths,
  version: string,
  options: Pick<SessionOptions, 'backendChoice' | 'imageSource'>,
  log: (line: string) => void,
): Promise<Backend> {
  const docker = connectDocker();
  const requested = options.backendChoice ?? backendChoiceFrom(process.env.MUSL_LAB_BACKEND);
  const { backend, reason } = await chooseBackend(requested === 'frozen' ? 'auto' : requested, docker);
  log(`backend: ${backend} (${reason})`);
  if (backend === 'sandbox') {
    return new SandboxBackend({ probesDir: paths.probesDir, dockerDir: paths.dockerDir, cacheDir: paths.cacheDir, rootsDir: defaultRootsDir(), runnerVersion: version, log });
  }
  return new DockerBackend({
    docker,
    probesDir: paths.probesDir,
    dockerDir: paths.dockerDir,
    cacheDir: paths.cacheDir,
    runnerVersion: version,
    imageSource: options.imageSource ?? imageSourceFromEnv(),
    log,
  });
}

/** Validate probes and lessons first (cheap, no engine), so bad input fails before anything runs. */
export function loadAndCheck(paths: ProjectPaths): Probe[] {
  const probes = loadProbes(paths.probesDir, environmentIds(), 'c-probes', defaultEnvironmentIds());
  checkReferences(paths.root, paths.contentDir, probes);
  // Versions on pages come from results (<LibcVersion>) or are ranges; a typed one goes stale.
  checkVersionsInProse(paths.root, paths.contentDir);
  return probes;
}

/** Loads, validates, binds environments, plans and executes: what `npm run probes` and the loader share. */
export async function runSession(options: SessionOptions = {}): Promise<SessionResult> {
  const paths = options.paths ?? projectPaths();
  const log = options.log ?? (() => undefined);
  const probes = loadAndCheck(paths);
  // "--envs musl" means every musl version.
  options = { ...options, envs: options.envs?.flatMap((e) => expandEnvironment(e)) };
  const unknownEnvs = (options.envs ?? []).filter((e) => !environmentIds().includes(e));
  if (unknownEnvs.length > 0) {
    throw new LabError({ name: 'ConfigInvalid', message: `Unknown environment ${unknownEnvs.join(', ')}.`, hint: `Known: ${environmentIds().join(', ')}.` });
  }
  mkdirSync(paths.cacheDir, { recursive: true });
  const version = runnerVersion();
  // No engine and no sandbox (a hosted builder): the committed snapshot instead (src/frozen/).
  const frozenDir = frozenDirOf(paths.root);
  const choice = options.backendChoice ?? backendChoiceFrom(process.env.MUSL_LAB_BACKEND);
  const frozen = options.backend ? undefined : await frozenReason(choice, { docker: connectDocker(), sandboxProblem, hasSnapshot: snapshotExists(frozenDir), frozenDir });
  if (frozen) return thawSession(probes, { ...options, dockerDir: paths.dockerDir, frozenDir, runnerVersion: version, reason: frozen, allowStale: allowStaleFromEnv(), log });
  const backend = options.backend?.(paths, log) ?? (await defaultBackend(paths, version, options, log));
  // A run compiled in another environment needs that one bound too.
  const needed = new Set<string>();
  for (const p of probes) for (const v of p.variants) for (const e of v.environments) {
    if (options.envs && !options.envs.includes(e)) continue;
    needed.add(e);
    if (v.compileIn) needed.add(compileEnvId(v, e, new Map(environmentIds().map((id) => [id, id]))));
  }
  const envs = await backend.bindEnvironments([...needed]);
  const planned = planRuns(probes, envs, version, { only: options.only, envs: options.envs });
  if (options.only?.length && planned.length === 0) {
    throw new LabError({ name: 'NothingSelected', message: `--only ${options.only.join(', ')} selects no run.`, hint: '`npm run probes -- --list` prints every probe and variant id.' });
  }
  const { runnable: runs, notRun } = splitRunnable(planned, backend.cannotRun?.bind(backend));
  for (const [reason, which] of Map.groupBy(notRun, (n) => n.reason)) {
    log(`not run here (${which.length} runs, shown as such on the pages): ${reason}`);
  }
  const controller = new AbortController();
  let stopping: Promise<void> | undefined;
  const release = guardInterrupts((signal) => {
    options.onInterrupt?.(signal);
    controller.abort(new LabError({ name: 'Interrupted', message: `Stopped by ${signal}.`, hint: 'Completed results are cached; the next run resumes from them.' }));
    stopping = backend.abort();
    return stopping;
  });
  // Counted so that an engine or helper dying part-way can say how much is done and kept.
  const counter = progressCounter();
  try {
    const records = await executeRuns(runs, {
      backend,
      cache: new ResultCache(paths.cacheDir),
      force: options.force,
      concurrency: options.concurrency,
      onEvent: (event) => {
        counter.onEvent(event);
        options.onEvent?.(event);
      },
      signal: controller.signal,
      fetchProgram: (spec) => fetchNpmProgram(spec.probe, paths.cacheDir, undefined, log),
    });
    await addChecks(records, {
      backend,
      cacheDir: paths.cacheDir,
      program: (spec) => (spec.probe.build.kind === 'npm' ? fetchNpmProgram(spec.probe, paths.cacheDir) : backend.compile(spec)),
    });
    return { probes, envs, records, notRun, backend };
  } catch (error) {
    // Let the containers go before the error reaches a caller that may exit at once.
    await stopping;
    throw withProgress(error, counter.progress);
  } finally {
    // Containers of finished runs still being removed: gone before the session says it is done.
    await backend.settle?.();
    if (!stopping) release();
  }
}
