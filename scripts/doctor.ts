// npm run doctor: what the probes and the site need, what is missing, and how to fix it.
import { existsSync, accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { connectDocker, engineError } from '../src/backends/docker/engine.ts';
import { chooseImageSource, currentImage, imagesFor } from '../src/backends/docker/images.ts';
import { images } from '../src/config/environments.ts';
import { projectPaths, loadAndCheck, imageSourceFromEnv } from '../src/session/session.ts';
import { formatError } from '../src/errors/lab-error.ts';
import { runMain } from '../src/cli/run-main.ts';
import { sandboxProblem, userNamespaceBlocker } from '../src/backends/sandbox/availability.ts';
import { limitMode } from '../src/backends/sandbox/cgroup.ts';
import { dnsUnavailable } from '../src/backends/sandbox/dns-world.ts';
import { currentRoot, defaultRootsDir } from '../src/backends/sandbox/roots.ts';
import { roots } from '../src/config/environments.ts';
import { backendChoiceFrom } from '../src/backends/choose.ts';

type Check = { name: string; ok: boolean; detail: string; fix?: string };
const checks: Check[] = [];
const add = (c: Check) => {
  checks.push(c);
  process.stdout.write(`${c.ok ? 'ok  ' : 'MISSING'.padEnd(4)} ${c.name}: ${c.detail}${!c.ok && c.fix ? `\n       fix: ${c.fix}` : ''}\n`);
};

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write('npm run doctor\n\nChecks Node.js, the two backends (the Docker engine and its images; bubblewrap, namespaces, limits and root filesystems of the sandbox), debootstrap and the probe manifests, and says how to fix what is missing. Exits 1 when neither backend can run, or something else required is missing.\n');
    return 0;
  }
  const paths = projectPaths();
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  add({ name: 'Node.js', ok: major > 22 || (major === 22 && minor >= 12), detail: process.version, fix: 'run commands through bash scripts/with-node.sh (it installs the pinned Node.js)' });

  add({
    name: 'Docker installed',
    ok: has('dockerd') || Boolean(process.env.DOCKER_HOST),
    detail: has('dockerd') ? 'dockerd found' : process.env.DOCKER_HOST ? `using DOCKER_HOST=${process.env.DOCKER_HOST}` : 'no dockerd on this machine',
    fix: 'apt-get install -y docker.io (or run bash scripts/setup.sh)',
  });
  const docker = connectDocker();
  let engine = false;
  try {
    const info = await docker.version();
    engine = true;
    add({ name: 'Docker engine', ok: true, detail: `server ${info.Version}` });
  } catch (error) {
    const e = engineError(error);
    add({ name: 'Docker engine', ok: false, detail: e.message, fix: e.hint });
  }
  const socket = '/var/run/docker.sock';
  if (!process.env.DOCKER_HOST && existsSync(socket)) {
    try {
      accessSync(socket, constants.R_OK | constants.W_OK);
    } catch {
      add({ name: 'Docker socket', ok: false, detail: `no read/write permission on ${socket}`, fix: 'usermod -aG docker $USER, then log in again (or run as root)' });
    }
  }

  const source = imageSourceFromEnv();
  if (engine && source === 'auto') {
    // The same check a run makes (pulling the upstream base images when they are missing); runs say
    // only "no registry reachable: using offline images", the engine's own error is shown here.
    const chosen = await chooseImageSource(docker, paths.dockerDir, 'auto').catch((error: unknown) => ({ source: 'offline' as const, reason: 'the check failed', detail: formatError(error) }));
    add({
      name: 'image source',
      ok: true,
      detail: chosen.detail ? `${chosen.source}: ${chosen.reason} (${chosen.detail}); offline images are built from Debian packages instead` : `${chosen.source} (${chosen.reason})`,
    });
  }
  if (engine) {
    for (const src of source === 'auto' ? (['offline', 'upstream'] as const) : [source]) {
      for (const key of imagesFor(src)) {
        const image = await currentImage(docker, paths.dockerDir, key);
        add({
          name: `image ${images[key]!.tag} (${src})`,
          ok: true,
          detail: image ? `current (${image.id.slice(7, 19)})` : 'not built yet or out of date: built on first use',
        });
      }
    }
  }
  add({
    name: 'debootstrap (offline images)',
    ok: has('debootstrap'),
    detail: has('debootstrap') ? 'found' : 'not found; needed to build offline images where no registry is reachable',
    fix: 'apt-get install -y debootstrap',
  });
  add({ name: 'root (offline images)', ok: process.getuid?.() === 0, detail: process.getuid?.() === 0 ? 'running as root' : 'debootstrap needs root to build offline images once', fix: 'build the images once as root: sudo bash scripts/with-node.sh npm run images' });
  // The daemonless backend: what `--backend sandbox` (and auto without Docker) needs.
  const problem = await sandboxProblem();
  add({
    name: 'sandbox backend (bubblewrap)',
    ok: !problem,
    detail: problem ? problem.message : `bubblewrap can create pid, network, ipc and uts namespaces${process.getuid?.() === 0 ? '' : ' in a user namespace'}`,
    fix: problem?.hint,
  });
  if (!problem && process.getuid?.() !== 0 && userNamespaceBlocker()) add({ name: 'user namespaces', ok: false, detail: userNamespaceBlocker()!, fix: 'allow unprivileged user namespaces, or run as root' });
  const limits = limitMode();
  add({
    name: 'sandbox limits',
    ok: true,
    detail:
      limits.mode === 'cgroup-v1'
        ? 'a cgroup per run: memory (OOM kill as in Docker), pids and CPU caps hold'
        : `${limits.reason}: fallback to rlimits — memory is capped as writable private memory, RLIMIT_DATA (malloc fails instead of an OOM kill), processes are counted per user (RLIMIT_NPROC), and there is no CPU share. Results can differ from Docker's where a probe hits a cap; run as root for cgroups`,
  });
  const dns = dnsUnavailable(process.getuid?.() === 0);
  add({
    name: 'sandbox DNS scenarios',
    ok: true,
    detail: dns ? `not run as this user: ${dns}; the DNS pages then say so in place of those results` : 'run (as root, the probe joins the scenario server\'s network namespace)',
  });
  const rootsDir = defaultRootsDir();
  for (const key of Object.keys(roots)) {
    const root = currentRoot({ rootsDir, dockerDir: paths.dockerDir, log: () => undefined }, key);
    add({
      name: `sandbox root ${key}`,
      ok: true,
      detail: root ? `current (${root.id.slice(7, 19)}) in ${root.dir}` : `not built yet or out of date: built on first use (needs root once: sudo bash scripts/with-node.sh npm run images -- --sandbox)`,
    });
  }
  let choice = 'auto';
  try {
    choice = backendChoiceFrom(process.env.MUSL_LAB_BACKEND);
  } catch (error) {
    add({ name: 'MUSL_LAB_BACKEND', ok: false, detail: formatError(error) });
  }
  const usable = { docker: engine, sandbox: !problem };
  const chosen = choice === 'auto' ? (engine ? 'docker' : 'sandbox') : choice;
  add({
    name: 'backend',
    ok: usable[chosen as 'docker' | 'sandbox'],
    detail: `${chosen}${choice === 'auto' ? ' (auto: Docker when an engine answers, else the sandbox)' : ' (MUSL_LAB_BACKEND)'}`,
    fix: 'fix the backend above, or choose the other one with --backend docker|sandbox',
  });

  try {
    const probes = loadAndCheck(paths);
    add({ name: 'probe manifests and lesson references', ok: true, detail: `${probes.length} probes, all valid` });
  } catch (error) {
    add({ name: 'probe manifests and lesson references', ok: false, detail: formatError(error) });
  }
  // One working backend is enough: Docker's checks do not count when the sandbox is the backend, and back.
  const optional = (name: string) => name.includes('offline images') || (chosen === 'sandbox' ? name.startsWith('Docker') : name.startsWith('sandbox') || name === 'user namespaces');
  const required = checks.filter((c) => !c.ok && !optional(c.name));
  process.stdout.write(required.length === 0 ? '\nReady: npm run build\n' : `\n${required.length} problem(s) to fix first.\n`);
  return required.length === 0 ? 0 : 1;
}

runMain(main);
