import type Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { images as recipes, recipeHash, rootfsHash, type ImageRecipe, type ImageSource, environments } from '../../config/environments.ts';
import { LabError } from '../../errors/lab-error.ts';

export const recipeLabel = 'org.musl-lab.recipe';

export interface ImageInfo {
  key: string;
  tag: string;
  id: string;
}

/** Image keys one source needs (for these environments, or all), dependencies first. */
export function imagesFor(source: ImageSource, envIds?: string[]): string[] {
  const order: string[] = [];
  const visit = (key: string) => {
    if (order.includes(key)) return;
    for (const dep of Object.values(recipes[key]?.imageArgs ?? {})) visit(dep);
    order.push(key);
  };
  for (const env of environments.filter((e) => !envIds || envIds.includes(e.id))) {
    visit(env.flavours[source].build);
    visit(env.flavours[source].run);
    // Go, Rust and Python toolchain images, where the environment's config provides them.
    const toolchain = env.flavours[source].toolchain;
    if (toolchain) for (const key of [toolchain.build, toolchain.run]) visit(key);
  }
  return order;
}

async function inspectTag(docker: Docker, tag: string): Promise<Docker.ImageInspectInfo | undefined> {
  try {
    return await docker.getImage(tag).inspect();
  } catch {
    return undefined;
  }
}

/** The image, when it exists and was built from the current recipe. */
export async function currentImage(docker: Docker, dockerDir: string, key: string): Promise<ImageInfo | undefined> {
  const recipe = recipes[key]!;
  const info = await inspectTag(docker, recipe.tag);
  if (!info || info.Config?.Labels?.[recipeLabel] !== recipeHash(dockerDir, key)) return undefined;
  return { key, tag: recipe.tag, id: info.Id };
}

export type ImageLog = (line: string) => void;

/** Follows a build or pull stream to its end; a step that failed becomes an error with its last lines. */
async function follow(docker: Docker, stream: NodeJS.ReadableStream, log: ImageLog): Promise<string[]> {
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (error: Error | null, output: Array<{ error?: string }>) => {
        const failed = error?.message ?? output.find((o) => o.error)?.error;
        if (failed) reject(new Error(`${failed}\n    last lines of the log:\n      ${lines.slice(-15).join('\n      ')}`));
        else resolve();
      },
      (event: { stream?: string; status?: string }) => {
        const text = (event.stream ?? event.status ?? '').trimEnd();
        if (text) {
          lines.push(text);
          // Progress: the Dockerfile steps; the full log is kept for the error message.
          if (/^(Step \d+\/\d+|Successfully tagged)/.test(text)) log(text.length > 160 ? `${text.slice(0, 157)}...` : text);
        }
      },
    );
  });
  return lines;
}

async function importRootfs(docker: Docker, dockerDir: string, key: string, recipe: ImageRecipe & { tag: string }, log: ImageLog): Promise<string> {
  const tag = `musl-lab/rootfs-${key}:${rootfsHash(dockerDir, recipe.rootfs!).slice(0, 12)}`;
  if (await inspectTag(docker, tag)) return tag;
  log(`building a Debian ${recipe.rootfs!.suite} root filesystem for ${recipe.tag} (debootstrap, about a minute)`);
  const child = execa('bash', [join(dockerDir, 'offline/make-rootfs.sh'), recipe.rootfs!.packages.join(','), recipe.rootfs!.suite], {
    stdout: 'pipe',
    stderr: 'pipe',
    encoding: 'buffer',
    buffer: { stdout: false, stderr: true },
  });
  child.stderr?.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.startsWith('make-rootfs') || line.startsWith('E:')) log(line);
  });
  await Promise.all([
    docker.importImage(child.stdout! as unknown as string, { repo: tag.split(':')[0], tag: tag.split(':')[1] }).then((s) => follow(docker, s, () => undefined)),
    child.catch((error: { stderr?: Buffer; shortMessage?: string }) => {
      const tail = error.stderr?.toString().trim().split('\n').slice(-5).join('\n    ') ?? '';
      throw new LabError({
        name: 'ImageBuildFailed',
        message: `Making the root filesystem for ${recipe.tag} failed: ${error.shortMessage ?? ''}\n    ${tail}`,
        hint: 'docker/offline/make-rootfs.sh needs root, debootstrap and a reachable Debian mirror; run `npm run doctor`.',
      });
    }),
  ]);
  return tag;
}

/** Builds one image from its recipe (its dependencies must exist already). */
export async function buildImage(docker: Docker, dockerDir: string, key: string, log: ImageLog): Promise<ImageInfo> {
  const recipe = recipes[key]!;
  const buildargs: Record<string, string> = {};
  for (const [arg, dep] of Object.entries(recipe.imageArgs ?? {})) buildargs[arg] = recipes[dep]!.tag;
  if (recipe.rootfs) buildargs.BASE = await importRootfs(docker, dockerDir, key, recipe, log);
  log(`building ${recipe.tag} from docker/${recipe.dockerfile}`);
  try {
    const stream = await docker.buildImage(
      { context: dockerDir, src: [...new Set([recipe.dockerfile, ...recipe.inputs])] },
      { t: recipe.tag, dockerfile: recipe.dockerfile, buildargs, labels: { [recipeLabel]: recipeHash(dockerDir, key) }, rm: true, forcerm: true },
    );
    await follow(docker, stream, log);
  } catch (error) {
    throw new LabError({
      name: 'ImageBuildFailed',
      message: `Building ${recipe.tag} from docker/${recipe.dockerfile} failed: ${(error as Error).message}`,
      hint: recipe.rootfs || recipe.imageArgs
        ? 'Offline images need only Debian packages; run `npm run images -- --offline` to see the whole log.'
        : 'Upstream images need a reachable container registry; use offline images instead (MUSL_LAB_IMAGES=offline).',
      cause: error,
    });
  }
  const built = await currentImage(docker, dockerDir, key);
  if (!built) throw new LabError({ name: 'ImageBuildFailed', message: `${recipe.tag} was built but cannot be found.`, hint: 'Run `npm run images` again.' });
  return built;
}

/** Makes sure every image of a source exists and is current, building what is missing. */
export async function ensureImages(docker: Docker, dockerDir: string, source: ImageSource, log: ImageLog, force = false, envIds?: string[]): Promise<Map<string, ImageInfo>> {
  const result = new Map<string, ImageInfo>();
  for (const key of imagesFor(source, envIds)) {
    const current = force ? undefined : await currentImage(docker, dockerDir, key);
    result.set(key, current ?? (await buildImage(docker, dockerDir, key, log)));
  }
  return result;
}

/** The base images named by FROM lines of upstream recipes. */
export function upstreamBases(dockerDir: string): string[] {
  return imagesFor('upstream').flatMap((key) =>
    [...readFileSync(join(dockerDir, recipes[key]!.dockerfile), 'utf8').matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!),
  );
}

/** The run log's one line about the image source, in words (the registry's raw error is for `npm run doctor`). */
export function imageSourceLine(source: ImageSource, reason: string): string {
  return reason === 'no registry reachable' ? 'no registry reachable: using offline images (npm run doctor shows why)' : `images: ${source} (${reason})`;
}

/**
 * auto: upstream when its images exist or a registry hands out its base
 * images; offline otherwise. The reason is returned so the CLI can say it, in
 * words; `detail` is the engine's own error, for `npm run doctor`.
 */
export async function chooseImageSource(
  docker: Docker,
  dockerDir: string,
  requested: ImageSource | 'auto',
): Promise<{ source: ImageSource; reason: string; detail?: string }> {
  if (requested !== 'auto') return { source: requested, reason: 'requested' };
  const upstream = imagesFor('upstream');
  const present = await Promise.all(upstream.map((k) => currentImage(docker, dockerDir, k)));
  if (present.every(Boolean)) return { source: 'upstream', reason: 'upstream images are built' };
  for (const base of upstreamBases(dockerDir)) {
    if (await inspectTag(docker, base)) continue;
    try {
      const stream = await docker.pull(base);
      await follow(docker, stream, () => undefined);
    } catch (error) {
      // The engine's own error is long and technical: `npm run doctor` shows it, the run log says it in words.
      return { source: 'offline', reason: 'no registry reachable', detail: `${base}: ${(error as Error).message.split('\n')[0]}` };
    }
  }
  return { source: 'upstream', reason: 'the registry is reachable' };
}
