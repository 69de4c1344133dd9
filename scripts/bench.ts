// npm run bench -- [--runs N] [--skip-build]
// Prints, in one run: the Docker backend's per-run cost next to a bare `docker exec`
// of the same binary in a warm container, and cold vs warm `npm run build` times.
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { runSession, projectPaths } from '../src/runner/session.ts';
import { connectDocker } from '../src/backends/docker/engine.ts';
import { runMain } from '../src/cli/run-main.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write('npm run bench -- [--runs N] [--skip-build]\n\nMeasures the Docker backend per-run overhead (median of N runs, default 30) against a bare\n`docker exec` of the same binary, and cold vs warm site build times.\n');
  process.exit(0);
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
  process.stderr.write(`bench: ${n} runs of basics/hello@musl through the runner, then ${n} bare docker exec\n`);

  // 1. The runner: one full execution (create, start, wait, collect, remove) per run.
  const first = await runSession({ paths: { ...paths, cacheDir: cache }, only: ['basics/hello:default'], envs: ['musl'] });
  const record = first.records[0]!;
  const runner: number[] = [];
  const program: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = await runSession({ paths: { ...paths, cacheDir: cache }, only: ['basics/hello:default'], envs: ['musl'], force: true });
    runner.push(s.records[0]!.result.totalMs);
    program.push(s.records[0]!.result.durationMs ?? 0);
  }

  // 2. Bare docker exec of the same binary in a warm container of the same image.
  const binDir = join(cache, 'bin', record.spec.compile.key);
  const image = record.spec.env.runImage.id;
  const docker = connectDocker();
  const warm = await docker.createContainer({ Image: image, Cmd: ['sleep', '3600'], HostConfig: { Binds: [`${binDir}:/probe:ro`], NetworkMode: 'none' } });
  await warm.start();
  const bare: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await execa('docker', ['exec', warm.id, `/probe/${record.spec.probe.program}`]);
      bare.push(performance.now() - t);
    }
  } finally {
    await warm.remove({ force: true });
  }

  const rows = [
    ['runner, per run (fresh locked-down container)', median(runner), range(runner)],
    ['bare `docker exec` in a warm container', median(bare), range(bare)],
    ['the program itself (lab-run wall time)', median(program), range(program)],
  ] as const;
  process.stdout.write(`\nper-run cost, ${n} runs each (ms)\n`);
  for (const [name, med, r] of rows) process.stdout.write(`  ${name.padEnd(48)} median ${med.toFixed(1).padStart(7)}   range ${r}\n`);
  process.stdout.write(`  ratio runner / docker exec: ${(median(runner) / median(bare)).toFixed(2)}\n`);

  // 3. Cold (empty cache) vs warm (nothing changed) site builds; images already built.
  if (!values['skip-build']) {
    const buildCache = mkdtempSync(join(tmpdir(), 'musl-lab-bench-build-'));
    const build = async () => {
      const t = performance.now();
      await execa('npm', ['run', 'build'], { cwd: paths.root, env: { MUSL_LAB_CACHE: buildCache, ASTRO_TELEMETRY_DISABLED: '1' } });
      return (performance.now() - t) / 1000;
    };
    const cold = await build();
    const warmBuild = await build();
    process.stdout.write(`\nnpm run build (images already built)\n  cold (empty cache) ${cold.toFixed(1)} s\n  warm (all cached)  ${warmBuild.toFixed(1)} s\n  ratio cold / warm ${(cold / warmBuild).toFixed(2)}\n`);
    rmSync(buildCache, { recursive: true, force: true });
  }
  rmSync(cache, { recursive: true, force: true });
}

runMain(main);
