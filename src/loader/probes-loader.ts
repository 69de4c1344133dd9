import type { Loader, LoaderContext } from 'astro/loaders';
import { runSession, projectPaths, runnerVersion } from '../session/session.ts';
import { probeEntries, type ProbeEntry } from './probe-entry.ts';
import { handoffEnv, inputsFingerprint, readHandoff } from './handoff.ts';
import { mismatchReport, totals } from '../cli/summary.ts';
import { formatError, LabError } from '../errors/lab-error.ts';
import { checkReferences } from '../lessons/references.ts';
import { updateSiteData } from '../session/site-data.ts';
import { edgeReport, versionDiffReport, versionDifferences } from '../outcomes/version-diff.ts';

/**
 * The "probes" collection: every probe with its real results. It runs the
 * same session as `npm run probes`, so after that command every result is a
 * cache hit; anything missing is executed here. In `npm run build`, which has
 * just run that command, it takes the command's entries instead (handoff.ts).
 * In `astro dev`, saving a probe (C file, header or manifest) re-runs it and
 * the page updates.
 */
export function probesLoader(): Loader {
  const paths = projectPaths();
  return {
    name: 'musl-lab-probes',
    load: async (context: LoaderContext) => {
      const { store, logger, watcher, generateDigest } = context;
      const dev = Boolean(watcher);
      const storeEntries = (entries: ProbeEntry[]) => {
        const keep = new Set(entries.map((e) => e.id));
        for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
        for (const entry of entries) {
          const data = entry as unknown as Record<string, unknown>;
          store.set({ id: entry.id, data, digest: generateDigest(data) });
        }
      };
      // `npm run build` has just run `npm run probes`: take its entries instead of planning everything again.
      if (!dev && process.env[handoffEnv] === '1') {
        const started = performance.now();
        const handoff = readHandoff(paths.cacheDir, inputsFingerprint(paths.probesDir, runnerVersion()));
        if ('entries' in handoff) {
          storeEntries(handoff.entries);
          const runs = handoff.entries.reduce((n, e) => n + e.results.length, 0);
          logger.info(`${runs} probe runs from npm run probes of this build (${handoff.writtenAt}), not planned again (${Math.round(performance.now() - started)} ms)`);
          return;
        }
        logger.info(`planning the probes again: ${handoff.reason}`);
      }
      const refresh = async () => {
        const started = performance.now();
        const session = await runSession({ paths, log: (line) => logger.info(line) });
        const t = totals(session.records);
        const from = session.frozen ? `from the frozen results of ${session.frozen.madeAt.slice(0, 10)}` : 'from cache';
        logger.info(`${t.runs} probe runs: ${t.executed} executed, ${t.cached} ${from} (${Math.round(performance.now() - started)} ms)${session.notRun.length ? `; ${session.notRun.length} not run on this machine` : ''}`);
        const diffs = versionDifferences(session.records);
        const edge = edgeReport(session.records, diffs);
        if (edge) logger.warn(edge);
        const mismatches = [mismatchReport(session.records), versionDiffReport(diffs)].filter(Boolean).join('\n\n');
        if (mismatches) {
          if (!dev) throw new LabError({ name: 'ExpectationMismatch', message: mismatches, hint: 'Fix the probe, its manifest or the lesson, then build again.' });
          logger.warn(mismatches);
        }
        // What the in-page checker publishes about each environment (src/pages/check-data/), read once per image.
        await updateSiteData(session, paths.cacheDir, (line) => logger.info(line));
        // Where lessons show each probe (the session has checked them): the symptom page links there.
        const references = checkReferences(paths.root, paths.contentDir, session.probes);
        storeEntries(probeEntries(session.probes, session.envs, session.records, session.notRun, { frozen: session.frozen, references, diffs }));
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
