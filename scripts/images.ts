// npm run images -- [--offline | --upstream | --sandbox] [--force]
import { parseArgs } from 'node:util';
import { connectDocker, assertEngine } from '../src/backends/docker/engine.ts';
import { chooseImageSource, ensureImages, imagesFor } from '../src/backends/docker/images.ts';
import { projectPaths, imageSourceFromEnv } from '../src/session/session.ts';
import { runMain } from '../src/cli/run-main.ts';
import { ensureRoot, defaultRootsDir } from '../src/backends/sandbox/roots.ts';
import { roots } from '../src/config/environments.ts';

const help = `npm run images -- [options]

Builds the environment images the probes run in (the runner also builds them
on first use). Offline images need only Debian's package archive; upstream
images need a container registry.

Options:
  --offline    build the images made from Debian packages
  --upstream   build the Ubuntu 24.04 and Alpine 3.22 images
  --sandbox    build the root filesystems of the daemonless sandbox backend
               (from Debian packages; needs root once, no Docker)
  --force      rebuild even when the images are current (not the sandbox roots:
               they are rebuilt when their recipe changes)
  -h, --help   this text
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      offline: { type: 'boolean', default: false },
      upstream: { type: 'boolean', default: false },
      sandbox: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const paths = projectPaths();
  if (values.sandbox) {
    const o = { rootsDir: defaultRootsDir(), dockerDir: paths.dockerDir, log: (line: string) => process.stdout.write(`  ${line}\n`) };
    for (const key of Object.keys(roots)) {
      const root = await ensureRoot(o, key);
      process.stdout.write(`ready: sandbox root ${key}  ${root.id.slice(7, 19)}  ${root.dir}\n`);
    }
    return 0;
  }
  const docker = connectDocker();
  await assertEngine(docker);
  const requested = values.offline ? 'offline' : values.upstream ? 'upstream' : imageSourceFromEnv();
  const { source, reason } = await chooseImageSource(docker, paths.dockerDir, requested);
  process.stdout.write(`image source: ${source} (${reason}); images: ${imagesFor(source).join(', ')}\n`);
  const built = await ensureImages(docker, paths.dockerDir, source, (line) => process.stdout.write(`  ${line}\n`), values.force);
  for (const image of built.values()) process.stdout.write(`ready: ${image.tag}  ${image.id.slice(7, 19)}\n`);
  return 0;
}

runMain(main);
