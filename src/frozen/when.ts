import { join } from 'node:path';
import type Docker from 'dockerode';
import { chooseBackend, type BackendChoice } from '../backends/choose.ts';
import { LabError } from '../errors/lab-error.ts';
import { snapshotExists } from './snapshot.ts';

/** Where the snapshot lives in a checkout (MUSL_LAB_ROOT moves it with the probes). */
export function frozenDirOf(root: string): string {
  return join(root, 'frozen');
}

export interface FrozenDeps {
  docker: Pick<Docker, 'ping'>;
  /** Why the sandbox cannot run here (availability.ts), or undefined when it can. */
  sandboxProblem: () => Promise<Error | undefined>;
  hasSnapshot: boolean;
  /** Where the snapshot would be, for messages. */
  frozenDir: string;
}

/**
 * Why this build takes its results from the snapshot, or undefined when a
 * backend can run. `frozen` (--backend / MUSL_LAB_BACKEND) asks for it; auto
 * falls back to it only when no Docker engine answers and the sandbox cannot
 * run either, and a snapshot exists (else the sandbox's own error stands).
 * Asking for docker or sandbox never falls back: their errors say what to fix.
 */
export async function frozenReason(choice: BackendChoice, deps: FrozenDeps): Promise<string | undefined> {
  if (choice === 'frozen') {
    if (!deps.hasSnapshot) {
      throw new LabError({
        name: 'FrozenSnapshotMissing',
        message: `The frozen results were asked for (backend "frozen"), and there are none: ${join(deps.frozenDir, 'index.json')} does not exist.`,
        hint: 'Make them with `npm run freeze` on a machine with Docker or bubblewrap and commit frozen/, or choose another backend (auto, docker, sandbox).',
      });
    }
    return 'backend "frozen" was asked for';
  }
  if (choice !== 'auto' || !deps.hasSnapshot) return undefined;
  const engine = await chooseBackend('auto', deps.docker);
  if (engine.backend === 'docker') return undefined;
  const problem = await deps.sandboxProblem();
  if (!problem) return undefined;
  return `no engine and no sandbox (${engine.reason}; ${problem.message.replace(/\.$/, '')})`;
}
