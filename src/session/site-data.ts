import { refreshSiteData, storeFrozenSiteData } from '../check/publish.ts';
import { hostMachine, readElf } from '../check/elf.ts';
import type { SessionResult } from './session.ts';

/**
 * Fills check-site/ of the cache, what the in-page checker publishes
 * (src/pages/check-data/): read from each environment through the backend
 * (once per image), or, when the results came from the frozen snapshot, the
 * snapshot's data. `npm run probes`, the probes loader and `npm run freeze` share it.
 */
export async function updateSiteData(session: Pick<SessionResult, 'envs' | 'backend' | 'checkSite'>, cacheDir: string, log: (line: string) => void): Promise<void> {
  if (session.checkSite) {
    storeFrozenSiteData(cacheDir, session.checkSite);
    return;
  }
  await refreshSiteData(session.envs.values(), session.backend?.environmentShell?.bind(session.backend), cacheDir, () => hostMachine(), (p) => readElf(p), log);
}
