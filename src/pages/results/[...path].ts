/**
 * Every run's raw result, as the runner stored it, at
 * /results/<probe id>/<variant>/<environment>.json (linked from each run).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { ProbeEntry } from '../../loader/probe-entry.ts';
import type { Result } from '../../runner/result.ts';
import { resultJsonPath } from '../../components/probe-data.ts';

export const getStaticPaths = (async () => {
  const probes = (await getCollection('probes')).map((e) => e.data as unknown as ProbeEntry);
  return probes.flatMap((p) => p.results.map((result) => ({ params: { path: resultJsonPath(result).replace(/^results\//, '') }, props: { result } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ result: Result }> = ({ props }) =>
  new Response(JSON.stringify(props.result, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
