// npm run doctor: what the probes and the site need, what is missing, and how to fix it.
import { existsSync, accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { connectDocker, engineError } from '../src/backends/docker/engine.ts';
import { currentImage, imagesFor } from '../src/backends/docker/images.ts';
import { images } from '../src/config/environments.ts';
import { projectPaths, loadAndCheck, imageSourceFromEnv } from '../src/runner/session.ts';
import { formatError } from '../src/errors/lab-error.ts';
import { runMain } from '../src/cli/run-main.ts';

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
    process.stdout.write('npm run doctor\n\nChecks Node.js, the Docker engine, the environment images, debootstrap and the probe manifests, and says how to fix what is missing. Exits 1 when something required is missing.\n');
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
  try {
    const probes = loadAndCheck(paths);
    add({ name: 'probe manifests and lesson references', ok: true, detail: `${probes.length} probes, all valid` });
  } catch (error) {
    add({ name: 'probe manifests and lesson references', ok: false, detail: formatError(error) });
  }
  const required = checks.filter((c) => !c.ok && !c.name.includes('offline images'));
  process.stdout.write(required.length === 0 ? '\nReady: npm run build\n' : `\n${required.length} problem(s) to fix first.\n`);
  return required.length === 0 ? 0 : 1;
}

runMain(main);
