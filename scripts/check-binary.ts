// npm run check-binary -- FILE [--env ID]... [--json]
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LabError } from '../src/errors/lab-error.ts';
import { projectPaths, runnerVersion, imageSourceFromEnv } from '../src/session/session.ts';
import { connectDocker } from '../src/backends/docker/engine.ts';
import { DockerBackend } from '../src/backends/docker/docker-backend.ts';
import { defaultEnvironmentIds, environmentIds } from '../src/config/environments.ts';
import { hostMachine, readElf } from '../src/check/elf.ts';
import { checkBinary, checkedEnvironment, describeElf } from '../src/check/check-binary.ts';
import { runMain } from '../src/cli/run-main.ts';

const help = `npm run check-binary -- FILE [options]

Will this program run on Alpine (musl)? Reads the ELF file with readelf and
compares what it needs with what each libc environment really has: its
interpreter (PT_INTERP), its shared libraries, the symbol versions it needs
and the symbols it uses, read from the environment's own libc. Prints a
verdict per environment: runs, fails (with the error a user would see), or
cannot say (and why).

Options:
  --env ID    environment to judge for (default: ${defaultEnvironmentIds().join(', ')}); repeatable
  --json      print the report as JSON
  -h, --help  this text

Example: npm run check-binary -- node_modules/@esbuild/linux-x64/bin/esbuild
`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { env: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${help}`);
    return 2;
  }
  const { values: args, positionals } = parsed;
  if (args.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`check-binary takes one file, got ${positionals.length}.\n\n${help}`);
    return 2;
  }
  // npm runs scripts from the project root; a relative path means the caller's folder.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  if (!existsSync(file)) throw new LabError({ name: 'FileNotFound', message: `${file} does not exist.`, hint: 'Give the path of the program or library to check.' });
  const envIds = args.env ?? defaultEnvironmentIds();
  const unknown = envIds.filter((e) => !environmentIds().includes(e));
  if (unknown.length) throw new LabError({ name: 'ConfigInvalid', message: `Unknown environment ${unknown.join(', ')}.`, hint: `Known: ${environmentIds().join(', ')}.` });

  const paths = projectPaths();
  const docker = connectDocker();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const backend = new DockerBackend({ docker, probesDir: paths.probesDir, dockerDir: paths.dockerDir, cacheDir: paths.cacheDir, runnerVersion: runnerVersion(), imageSource: imageSourceFromEnv(), log });
  const bound = await backend.bindEnvironments(envIds);
  const machine = await hostMachine();
  const envs = envIds.map((id) => {
    const env = bound.get(id)!;
    return { ...checkedEnvironment(env, backend.environmentShell(env), paths.cacheDir, machine), label: `${id} (${env.libc})` };
  });
  const report = await checkBinary(file, envs, (p) => readElf(p));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ file, description: describeElf(report.facts), verdicts: report.verdicts }, null, 2)}\n`);
    return 0;
  }
  const lines = [`${file}`, `  ${describeElf(report.facts)}`, ''];
  for (const [i, v] of report.verdicts.entries()) {
    lines.push(`${envs[i]!.label}: ${v.verdict === 'runs' ? 'runs' : v.verdict === 'fails' ? 'FAILS' : 'cannot say'}`);
    for (const r of v.reasons) lines.push(`  - ${r}`);
    if (v.symptom) lines.push(`  what you would see: ${v.symptom}`);
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
  return 0;
}

runMain(main);
