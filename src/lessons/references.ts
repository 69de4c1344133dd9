import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Probe } from '../manifest/probe.ts';
import { LabError } from '../errors/lab-error.ts';

export interface ProbeReference {
  /** Lesson path relative to the project root. */
  file: string;
  line: number;
  component: string;
  id: string;
  variants: string[];
}

const tagPattern = /<(Probe|ProbeMatrix|ProbeChart|ProbeValue|ProbeOutput|BenchChart|BenchCompare|DnsQueryLog|DnsTimeChart|CheckVerdicts)\b([^>]*)>/g;

/**
 * Finds every component that names a probe (<Probe id="...">, ProbeMatrix, ProbeChart, ProbeValue, ProbeOutput, BenchChart,
 * BenchCompare, DnsQueryLog) in one lesson's text; DnsTimeChart names several runs as ids="probe:variant,...".
 */
export function findReferences(file: string, text: string): ProbeReference[] {
  const refs: ProbeReference[] = [];
  for (const match of text.matchAll(tagPattern)) {
    const attrs = match[2]!;
    const line = text.slice(0, match.index).split('\n').length;
    const ids = /\bids="([^"]+)"/.exec(attrs)?.[1];
    for (const run of ids ? ids.split(',').map((r) => r.trim()) : []) {
      const [id, variant] = run.split(':');
      refs.push({ file, line, component: match[1]!, id: id!, variants: variant ? [variant] : [] });
    }
    const id = /\bid="([^"]+)"/.exec(attrs)?.[1];
    if (!id) continue;
    const one = /\bvariant="([^"]+)"/.exec(attrs)?.[1];
    const many = /\bvariants="([^"]+)"/.exec(attrs)?.[1];
    const variants = [...(one ? [one] : []), ...(many ? many.split(',').map((v) => v.trim()) : [])];
    refs.push({ file, line, component: match[1]!, id, variants });
  }
  return refs;
}

export function lessonFiles(contentDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.mdx?$/.test(name)) out.push(full);
    }
  };
  if (existsSync(contentDir)) walk(contentDir);
  return out;
}

/** Every reference must name a probe (and variants) that exist; one error lists all that do not. */
export function checkReferences(root: string, contentDir: string, probes: Probe[]): ProbeReference[] {
  const byId = new Map(probes.map((p) => [p.id, p]));
  const refs = lessonFiles(contentDir).flatMap((f) => findReferences(relative(root, f), readFileSync(f, 'utf8')));
  const problems: string[] = [];
  for (const ref of refs) {
    const probe = byId.get(ref.id);
    if (!probe) {
      const near = [...byId.keys()].filter((id) => id.split('/')[0] === ref.id.split('/')[0]);
      problems.push(`${ref.file}:${ref.line}: <${ref.component} id="${ref.id}"> names no probe${near.length ? ` (probes in that topic: ${near.join(', ')})` : ''}`);
      continue;
    }
    for (const v of ref.variants) {
      if (!probe.variants.some((pv) => pv.id === v)) {
        problems.push(`${ref.file}:${ref.line}: probe "${ref.id}" has no variant "${v}" (it has: ${probe.variants.map((pv) => pv.id).join(', ')})`);
      }
    }
  }
  if (problems.length > 0) {
    throw new LabError({
      name: 'UnknownProbeReference',
      message: `A lesson refers to a probe that does not exist:\n    ${problems.join('\n    ')}`,
      hint: 'Probe ids are "folder/name" of a c-probes/**/*.probe.json manifest (or its "id" field); `npm run probes -- --list` prints them all.',
      file: problems[0]!.split(':')[0],
    });
  }
  return refs;
}
