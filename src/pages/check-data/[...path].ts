/**
 * What the in-page checker ("Will it run on Alpine?", content/linking/check-in-browser.mdx)
 * loads when a reader drops a file: /check-data/index.json (environments in config order and
 * the messages their runs printed), /check-data/env/<id>.json (an environment's loader search
 * and file listing), /check-data/lib/<hash>.json (one library's facts, shared by every
 * environment holding the same file). Read from the cache the probes loader fills
 * (src/check/publish.ts), so every environment of src/config/environments.ts gets data; a build
 * from frozen results has the snapshot's data there (src/frozen/), and the index names every
 * environment without data, with why (WillItRun.astro says so before a file is given).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { ProbeEntry } from '../../loader/probe-entry.ts';
import { projectPaths } from '../../session/session.ts';
import { publishedSite, siteData } from '../../check/publish.ts';
import { recordedMessages } from '../../check/published.ts';
import { environments } from '../../config/environments.ts';

export const getStaticPaths = (async () => {
  // The build runs from the project's root; this module's own URL is inside the bundle.
  const site = publishedSite(siteData(projectPaths(process.env.MUSL_LAB_ROOT ?? process.cwd()).cacheDir), environments);
  const data = site.environments;
  const probes = (await getCollection('probes')).map((e) => e.data as unknown as ProbeEntry);
  const runs = probes.flatMap((p) => p.results.filter((r) => p.checks[r.id]).map((result) => ({ result, verdict: p.checks[result.id]! })));
  const index = {
    environments: data.map((d) => ({ id: d.env.id, label: d.env.label, libc: d.env.libc, distro: d.env.distro, ...(d.stale ? { stale: d.stale } : {}) })),
    missing: site.missing,
    messages: recordedMessages(runs),
  };
  const libraries = new Map(data.flatMap((d) => Object.entries(d.libraries)));
  return [
    { params: { path: 'index.json' }, props: { body: index } },
    ...data.map((d) => ({ params: { path: `env/${d.env.id}.json` }, props: { body: d.env } })),
    ...[...libraries].map(([hash, lib]) => ({ params: { path: `lib/${hash}.json` }, props: { body: lib } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: unknown }> = ({ props }) => new Response(JSON.stringify(props.body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
