import { environmentById } from '../config/environments.ts';
import { recipeHash } from '../config/environments.ts';
import { rootRecipeHash } from '../backends/sandbox/roots.ts';
import { sha256 } from '../hash/hash.ts';
import type { BoundEnvironment } from '../runner/plan.ts';

/**
 * A hash of how an environment is made, read from the project's own files
 * only (src/config/environments.ts and the recipes under docker/), never from
 * an engine: what a machine without Docker can still compute.
 *
 * A run key holds the image ids and the libc and compiler versions an engine
 * reports; a hosted builder cannot ask for them. So a snapshot keeps, per
 * environment, the bound environment (ids, versions) and this recipe hash:
 * a build without an engine recomputes every run key from the snapshot's
 * bound environments (that catches any change to a probe, its variant or the
 * runner), and compares recipe hashes (that catches a change to an image or
 * root recipe, an environment's flavour or its libc version command).
 * What neither can see: an upstream base image that moved in its registry
 * under the same recipe. The next freeze on a machine with an engine sees it.
 */
export function environmentRecipe(dockerDir: string, env: Pick<BoundEnvironment, 'id' | 'backend' | 'imageSource'>): string {
  const config = environmentById(env.id);
  const common = { id: config.id, family: config.family, libcVersionCommand: config.libcVersionCommand, backend: env.backend };
  if (env.backend === 'sandbox') {
    const flavour = config.sandbox;
    return sha256({ ...common, flavour, build: rootRecipeHash(dockerDir, flavour.build), run: rootRecipeHash(dockerDir, flavour.run) });
  }
  const flavour = config.flavours[env.imageSource];
  return sha256({ ...common, imageSource: env.imageSource, flavour, build: recipeHash(dockerDir, flavour.build), run: recipeHash(dockerDir, flavour.run) });
}
