import type Docker from 'dockerode';
import { LabError } from '../errors/lab-error.ts';
import type { BackendName } from '../runner/result.ts';

/** frozen: run nothing, take every result from the committed snapshot (src/frozen/). */
export type BackendChoice = BackendName | 'auto' | 'frozen';

/** --backend or MUSL_LAB_BACKEND: auto (the default), docker, sandbox or frozen. */
export function backendChoiceFrom(value: string | undefined, where = 'MUSL_LAB_BACKEND'): BackendChoice {
  if (!value || value === 'auto') return 'auto';
  if (value === 'docker' || value === 'sandbox' || value === 'frozen') return value;
  throw new LabError({
    name: 'ConfigInvalid',
    message: `${where} is "${value}", which is not a backend.`,
    hint: 'Use auto (Docker when an engine answers, else the bubblewrap sandbox, else the frozen results), docker, sandbox or frozen.',
  });
}

/**
 * auto: Docker when an engine answers within a moment, the sandbox otherwise.
 * The reason is returned so the CLI can say why.
 */
export async function chooseBackend(requested: Exclude<BackendChoice, 'frozen'>, docker: Pick<Docker, 'ping'>, waitMs = 3000): Promise<{ backend: BackendName; reason: string }> {
  if (requested !== 'auto') return { backend: requested, reason: 'requested' };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${waitMs} ms`)), waitMs);
      }),
    ]);
    return { backend: 'docker', reason: 'a Docker engine answers' };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { backend: 'sandbox', reason: `no Docker engine answers (${e.code ?? e.message?.split('\n')[0]})` };
  } finally {
    clearTimeout(timer);
  }
}
