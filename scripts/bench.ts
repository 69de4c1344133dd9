// npm run bench -- [--runs N] [--skip-build]
// Prints, in one run: the per-run cost of the Docker backend and of the bubblewrap
// sandbox backend on the same binary, their floors (a bare `docker exec` of it in a warm
// container; a bare `bwrap` of the same root, namespaces and binary), and cold vs warm
// `npm run build` times with every environment on each backend, beside a plain `astro build`.
import { parseArgs } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { runSession, projectPaths, imageSourceFromEnv } from '../src/session/session.ts';
import { connectDocker } from '../src/backends/docker/engine.ts';
import { DockerBackend } from '../src/backends/docker/docker-backend.ts';
import { exitWhenFlushed, runMain } from '../src/cli/run-main.ts';
import { SandboxBackend } from '../src/backends/sandbox/sandbox-backend.ts';
import { defaultRootsDir } from '../src/backends/sandbox/roots.ts';
import type { CompileOutput } from '../src/runner/plan.ts';
import { bwrapArgs } from '../src/backends/sandbox/bwrap-args.ts';
import { defaultEnvironmentOf } from '../src/config/environments.ts';

// The default pair's musl: the environment every lesson shows.
const musl = defaultEnvironmentOf('musl');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    'npm run bench -- [--runs N] [--skip-build]\n\n' +
      'Measures the per-run cost (median of N runs, default 30, each timed from the backend call to its\n' +
      'result) of the Docker backend and of the bubblewrap sandbox backend on the same binary, against\n' +
      'their floors (a bare `docker exec` of it in a warm container, a bare `bwrap` of the same root),\n' +
      'and cold vs warm site build times. Overhead = a run\'s cost minus the program\'s own wall time.\n',
  );
  await exitWhenFlushed(0);
}
const n = Number(values.runs);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

async function main() {
  const paths = projectPaths();
  const cache = mkdtempSync(join(tmpdir(), 'musl-lab-bench-'));
  process.stderr.write(`bench: ${n} runs of basics/hello@${musl} through each backend, then ${n} bare docker exec and ${n} bare bwrap\n`);

  // 1. The Docker backend: one session compiles the binary, then the backend executes it n times back
  // to back, each timed from the call to its result (create, start, the program, its output; the
  // container's removal when the run waits for it), and the whole series until the last removal.
  const first = await runSession({ paths: { ...paths, cacheDir: cache }, only: ['basics/hello:default'], envs: [musl], backendChoice: 'docker' });
  const record = first.records[0]!;
  const binaryDir = join(cache, 'bin', record.spec.compile.key);
  const compiled: CompileOutput = { ...JSON.parse(readFileSync(`${binaryDir}.json`, 'utf8')), binaryDir, cached: true };
  const docker = connectDocker();
  const dockerBackend = new DockerBackend({ docker, probesDir: paths.probesDir, dockerDir: paths.dockerDir, cacheDir: cache, runnerVersion: 'bench', imageSource: imageSourceFromEnv(), log: () => undefined });
  const runner: number[] = [];
  const program: number[] = [];
  const seriesStart = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await dockerBackend.execute(record.spec, compiled);
    runner.push(performance.now() - t);
    if (r.outcome.kind !== 'ok') throw new Error(`the Docker run did not succeed: ${JSON.stringify(r.outcome)} ${r.stderr}`);
    program.push(r.durationMs ?? 0);
  }
  await dockerBackend.settle();
  const runnerSeries = (performance.now() - seriesStart) / n;

  // 1b. The sandbox backend running the very binary Docker's build image made (same bytes, same run spec).
  const sandbox = new SandboxBackend({ probesDir: paths.probesDir, dockerDir: paths.dockerDir, cacheDir: cache, rootsDir: defaultRootsDir(), runnerVersion: 'bench', log: () => undefined });
  const sandboxEnv = (await sandbox.bindEnvironments([musl])).get(musl)!;
  const sandboxTotal: number[] = [];
  const sandboxProgram: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await sandbox.execute({ ...record.spec, env: sandboxEnv }, compiled);
    sandboxTotal.push(performance.now() - t);
    if (r.outcome.kind !== 'ok') throw new Error(`the sandbox run did not succeed: ${JSON.stringify(r.outcome)} ${r.stderr}`);
    sandboxProgram.push(r.durationMs ?? 0);
  }

  // 1c. The sandbox's floor: bubblewrap alone over the same root, with the same namespaces and mounts,
  // running the same binary directly (no lab-enter, no lab-run, no status folder, no cgroup).
  const rootDir = (sandbox as unknown as { rootsByKey: Map<string, { dir: string; entries: []; env: Record<string, string>; nobodyHome: string }> }).rootsByKey.get(sandboxEnv.runImage.id)!;
  const full = bwrapArgs(
    { root: rootDir, cmd: [], workdir: '/tmp', binds: [{ src: binaryDir, dest: '/probe' }], asNobody: true, timeoutMs: 10_000, memoryMb: 256, pids: 64, cpus: 1, outputBytes: 1 << 20 },
    { privileged: process.getuid?.() === 0, cgroups: false },
  );
  const bareArgs = [...full.slice(0, full.indexOf('/usr/local/bin/lab-enter')), `/probe/${record.spec.probe.program}`];
  const bwrapBare: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await execa('bwrap', bareArgs);
    bwrapBare.push(performance.now() - t);
  }

  // 2. Bare docker exec of the same binary in a warm container of the same image.
  const binDir = binaryDir;
  const image = record.spec.env.runImage.id;
  const warm = await docker.createContainer({ Image: image, Cmd: ['sleep', '3600'], HostConfig: { Binds: [`${binDir}:/probe:ro`], NetworkMode: 'none' } });
  await warm.start();
  const bare: number[] = [];
  let bareSeries = 0;
  try {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await execa('docker', ['exec', warm.id, `/probe/${record.spec.probe.program}`]);
      bare.push(performance.now() - t);
    }
    bareSeries = (performance.now() - start) / n;
  } finally {
    await warm.remove({ force: true });
  }

  const overhead = (total: number[], prog: number[]) => total.map((t, i) => t - prog[i]!);
  const rows = [
    ['docker backend, per run (fresh container, call to result)', median(runner), range(runner)],
    ['docker backend, overhead (total - program)', median(overhead(runner, program)), range(overhead(runner, program))],
    ['sandbox backend, per run (fresh sandbox, call to result)', median(sandboxTotal), range(sandboxTotal)],
    ['sandbox backend, overhead (total - program)', median(overhead(sandboxTotal, sandboxProgram)), range(overhead(sandboxTotal, sandboxProgram))],
    ['bare `docker exec` in a warm container', median(bare), range(bare)],
    ['bare `bwrap`, same root, namespaces and binary', median(bwrapBare), range(bwrapBare)],
    ['the program itself (lab-run wall time, docker)', median(program), range(program)],
    ['the program itself (lab-run wall time, sandbox)', median(sandboxProgram), range(sandboxProgram)],
  ] as const;
  process.stdout.write(`\nper-run cost of basics/hello@${musl}, the same binary, ${n} runs each (ms)\n`);
  for (const [name, med, r] of rows) process.stdout.write(`  ${name.padEnd(58)} median ${med.toFixed(1).padStart(7)}   range ${r}\n`);
  process.stdout.write(`  ratio docker backend / docker exec: ${(median(runner) / median(bare)).toFixed(2)}\n`);
  process.stdout.write(`  ${n} runs back to back, until the last container is removed: docker backend ${runnerSeries.toFixed(1)} ms per run, docker exec ${bareSeries.toFixed(1)} ms per run, ratio ${(runnerSeries / bareSeries).toFixed(2)}\n`);
  process.stdout.write(`  ratio sandbox backend / bare bwrap: ${(median(sandboxTotal) / median(bwrapBare)).toFixed(2)}\n`);
  process.stdout.write(`  ratio docker backend / sandbox backend: ${(median(runner) / median(sandboxTotal)).toFixed(1)}\n`);

  // 3. Cold (empty cache) vs warm (nothing changed) site builds with every environment, on each
  // backend (images and roots already built), beside a plain `astro build` of the same results.
  if (!values['skip-build']) {
    const timed = async (args: string[], env: Record<string, string>) => {
      const t = performance.now();
      await execa('npm', args, { cwd: paths.root, env: { ASTRO_TELEMETRY_DISABLED: '1', ...env } });
      return (performance.now() - t) / 1000;
    };
    process.stdout.write('\nnpm run build, every environment (images and roots already built)\n');
    for (const backend of ['docker', 'sandbox']) {
      const buildCache = mkdtempSync(join(tmpdir(), 'musl-lab-bench-build-'));
      const env = { MUSL_LAB_CACHE: buildCache, MUSL_LAB_BACKEND: backend };
      const cold = await timed(['run', 'build'], env);
      const runs = (JSON.parse(readFileSync(join(buildCache, 'last-run.json'), 'utf8')) as { totals: { runs: number; executed: number } }).totals;
      const warmBuild = await timed(['run', 'build'], env);
      const again = (JSON.parse(readFileSync(join(buildCache, 'last-run.json'), 'utf8')) as { totals: { runs: number; executed: number } }).totals;
      const plain = await timed(['exec', '--', 'astro', 'build'], env);
      process.stdout.write(`  ${backend.padEnd(8)} cold ${cold.toFixed(1)} s (${runs.executed} of ${runs.runs} runs executed)   warm ${warmBuild.toFixed(1)} s (${again.executed} executed)   plain astro build ${plain.toFixed(1)} s   ratio warm / astro build ${(warmBuild / plain).toFixed(2)}\n`);
      rmSync(buildCache, { recursive: true, force: true });
    }
  }
  rmSync(cache, { recursive: true, force: true });
}

runMain(main);
