import type { Probe } from '../manifest/probe.ts';
import { formatError } from '../errors/lab-error.ts';
import { snapshotExists } from './snapshot.ts';
import { judgeSnapshot, type FrozenInfo } from './thaw.ts';
import { lackingCheckSite } from './staleness.ts';

export interface NoticeOptions {
  dockerDir: string;
  frozenDir: string;
  runnerVersion: string;
  /** --only or --env narrowed the session: the snapshot is about the whole site, so say nothing. */
  partial: boolean;
}

/**
 * One line for the end of `npm run probes`: where this build's results came
 * from when they were frozen, or, after a real run, whether the committed
 * snapshot still answers every run (so authors know to refreeze). Never fails
 * the run: a stale or damaged snapshot is news for hosted builders, not an
 * error for a machine that can run the probes.
 */
export function frozenNotice(session: { probes: Probe[]; frozen?: FrozenInfo }, o: NoticeOptions): string | undefined {
  if (session.frozen) {
    const stale = Object.keys(session.frozen.stale).length;
    return `Results from the frozen snapshot made on ${session.frozen.madeAt.slice(0, 16).replace('T', ' ')} UTC; nothing ran on this machine${stale ? `; ${stale} stale run(s) published, marked as stale on their pages` : ''}.`;
  }
  if (o.partial || !snapshotExists(o.frozenDir)) return undefined;
  try {
    const { snapshot, judged } = judgeSnapshot(session.probes, o);
    const lacking = lackingCheckSite(snapshot.index);
    if (judged.stale.length === 0 && lacking.length > 0) {
      return `note: frozen/ (made ${snapshot.index.madeAt.slice(0, 10)}) lacks the in-page checker's data of ${lacking.join(', ')}, so a build from it answers "No data" there; \`npm run freeze\` adds it.`;
    }
    if (judged.stale.length === 0) return undefined;
    return `note: frozen/ (made ${snapshot.index.madeAt.slice(0, 10)}) is stale for ${judged.stale.length} run(s) of this checkout, so a builder without an engine cannot build this site; \`npm run freeze -- --check\` lists them, \`npm run freeze\` refreshes it.`;
  } catch (error) {
    return `note: frozen/ cannot be used by a builder without an engine: ${formatError(error).split('\n')[0]}`;
  }
}
