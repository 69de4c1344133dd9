// npm run images -- [--offline | --upstream] [--force]
import { parseArgs } from 'node:util';
import { connectDocker, assertEngine } from '../src/backends/docker/engine.ts';
import { chooseImageSource, ensureImages, imagesFor } from '../src/backends/docker/images.ts';
import { projectPaths, imageSourceFromEnv } from '../src/runner/session.ts';
import { runMain } from '../src/cli/run-main.ts';

const help = `npm run images -- [options]

Builds the environment images the probes run in (the runner also builds them
on first use). Offline images need only Debian's package archive; upstream
images need a container registry.

Options:
  --offline    build the images made from Debian packages
  --upstream   build the Ubuntu 24.04 and Alpine 3.22 images
  --force      rebuild even when the images are current
  -h, --help   this text
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      offline: { type: 'boolean', default: false },
      upstream: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const paths = projectPaths();
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
