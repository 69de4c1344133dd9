import type { Loader, LoaderContext } from 'astro/loaders';
import { runSession, projectPaths } from '../runner/session.ts';
import { probeEntries } from './probe-entry.ts';
import { mismatchReport, totals } from '../cli/summary.ts';
import { formatError, LabError } from '../errors/lab-error.ts';
import { edgeReport, versionDiffReport, versionDifferences } from '../runner/version-diff.ts';

/**
 * The "probes" collection: every probe with its real results. It runs the
 * same session as `npm run probes`, so after that command every result is a
 * cache hit; anything missing is executed here. In `astro dev`, saving a
 * probe (C file, header or manifest) re-runs it and the page updates.
 */
export function probesLoader(): Loader {
  const paths = projectPaths();
  return {
    name: 'musl-lab-probes',
    load: async (context: LoaderContext) => {
      const { store, logger, watcher, generateDigest } = context;
      const dev = Boolean(watcher);
      const refresh = async () => {
        const started = performance.now();
        const session = await runSession({ paths, log: (line) => logger.info(line) });
        const t = totals(session.records);
        logger.info(`${t.runs} probe runs: ${t.executed} executed, ${t.cached} from cache (${Math.round(performance.now() - started)} ms)${session.notRun.length ? `; ${session.notRun.length} not run on this machine` : ''}`);
        const diffs = versionDifferences(session.records);
        const edge = edgeReport(session.records, diffs);
        if (edge) logger.warn(edge);
        const mismatches = [mismatchReport(session.records), versionDiffReport(diffs)].filter(Boolean).join('\n\n');
        if (mismatches) {
          if (!dev) throw new LabError({ name: 'ExpectationMismatch', message: mismatches, hint: 'Fix the probe, its manifest or the lesson, then build again.' });
          logger.warn(mismatches);
        }
        const entries = probeEntries(session.probes, session.envs, session.records, session.notRun, diffs);
        const keep = new Set(entries.map((e) => e.id));
        for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
        for (const entry of entries) {
          const data = entry as unknown as Record<string, unknown>;
          store.set({ id: entry.id, data, digest: generateDigest(data) });
        }
      };
      await refresh();
      if (watcher) {
        watcher.add(paths.probesDir);
        let timer: NodeJS.Timeout | undefined;
        const onChange = (file: string) => {
          if (!file.startsWith(paths.probesDir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`probe changed: ${file.slice(paths.root.length)}; running it again`);
            refresh().catch((error) => logger.error(formatError(error)));
          }, 150);
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}
