/**
 * Pure helpers behind <CatalogMatrix>: which probes are catalog entries, where
 * each entry's page and anchor are, and the short text shown in a cell.
 * Catalog probes have ids "catalog/<group>/<name>"; the entry for one lives on
 * the page content/differences/<group>.mdx under an element with id="<name>".
 */
import type { ProbeEntry, EnvironmentSummary } from '../loader/probe-entry.ts';
import type { Result } from '../runner/result.ts';

export const catalogPrefix = 'catalog/';

/** Reading order of the groups; a group not listed here comes after these, alphabetically. */
export const groupOrder = ['loader', 'threads', 'stdio', 'strings', 'regex', 'getopt', 'math', 'malloc', 'headers', 'time', 'errors'];

export const groupTitles: Record<string, string> = {
  loader: 'Loader, dlopen and dlclose',
  threads: 'Threads',
  stdio: 'stdio and printf',
  strings: 'Strings and sorting',
  regex: 'regex, fnmatch and glob',
  getopt: 'getopt',
  math: 'Math and errno',
  malloc: 'malloc',
  headers: 'Headers and functions on one libc only',
  time: 'Time zones and time formatting',
  errors: 'Error messages',
};

export function isCatalogId(id: string): boolean {
  return id.startsWith(catalogPrefix) && id.split('/').length === 3;
}

export function groupOf(id: string): string {
  return id.split('/')[1];
}

export function nameOf(id: string): string {
  return id.split('/')[2];
}

/** The entry's page and anchor, under the site's base path. */
export function entryHref(id: string, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}differences/${groupOf(id)}/#${nameOf(id)}`;
}

function groupRank(group: string): number {
  const i = groupOrder.indexOf(group);
  return i === -1 ? groupOrder.length : i;
}

/** Catalog probes grouped and ordered: [group, probes sorted by id][]. */
export function catalogGroups(probes: ProbeEntry[]): [string, ProbeEntry[]][] {
  const groups = new Map<string, ProbeEntry[]>();
  for (const p of probes.filter((p) => isCatalogId(p.id)).sort((a, b) => a.id.localeCompare(b.id))) {
    const g = groupOf(p.id);
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  return [...groups.entries()].sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b));
}

/**
 * Columns: every environment any catalog probe ran in, in the order the
 * config lists them (`order`, environment ids). Nothing here names an
 * environment: a new one in src/config/environments.ts becomes a new column.
 */
export function catalogColumns(probes: ProbeEntry[], order: string[]): EnvironmentSummary[] {
  const seen = new Map<string, EnvironmentSummary>();
  for (const p of probes) for (const e of p.environments) if (!seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()].sort((a, b) => {
    const ia = order.indexOf(a.id), ib = order.indexOf(b.id);
    return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib) || a.id.localeCompare(b.id);
  });
}

/**
 * The first meaningful line of what a run printed, shortened: the compiler's
 * first error for a build failure, else stdout's first non-empty line, else
 * stderr's. It is copied from the result, never written by hand.
 */
export function firstLine(result: Result, max = 60): string {
  let text: string;
  if (result.outcome.kind === 'compile-failed') {
    const lines = result.compile.diagnostics.split('\n');
    text = lines.find((l) => /\berror\b/.test(l)) ?? lines.find((l) => l.trim()) ?? '';
    text = text.replace(/^[^\s:]+\.c:\d+:\d+:\s*/, '').replace(/^\/usr\/bin\/ld: [^:]*:\s*/, 'ld: ');
  } else {
    const pick = (s: string) => s.split('\n').map((l) => l.trim()).find((l) => l.length > 0);
    text = pick(result.stdout) ?? pick(result.stderr) ?? '';
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** True when the environments that ran a variant did not all end the same way with the same output. */
export function differs(results: (Result | undefined)[]): boolean {
  const ran = results.filter((r): r is Result => r !== undefined);
  if (ran.length < 2) return false;
  const key = (r: Result) => `${r.outcome.kind}:${r.outcome.exitCode ?? ''}:${r.outcome.signal ?? ''}\u0000${r.outcome.kind === 'compile-failed' ? '' : r.stdout}\u0000${r.stderr.replaceAll(/\/probe\/[a-z0-9-]+/g, '')}`;
  return new Set(ran.map(key)).size > 1;
}

/** The text a cell compares: the compiler's diagnostics for a build failure, else stdout then stderr. */
function comparedText(r: Result): string {
  if (r.outcome.kind === 'compile-failed') return r.compile.diagnostics.replace(/^[^\s:]+\.c:(\d+:){1,2}\s*/gm, '');
  return [r.stdout, r.stderr.replaceAll(/\/probe\/[a-z0-9-]+/g, '')].filter(Boolean).join('\n');
}

/**
 * What each cell of a row shows: the first line where the row's runs differ (its number and,
 * per run, that line), so two cells never look identical when the row says "differs". When
 * the outputs agree line for line, the first line, as before. Copied from results only.
 */
export function differingLine(results: (Result | undefined)[], max = 60): { line: number | null; texts: (string | undefined)[] } {
  const ran = results.filter((r): r is Result => r !== undefined);
  const split = results.map((r) => (r ? comparedText(r).split('\n') : undefined));
  const longest = Math.max(0, ...split.map((l) => l?.length ?? 0));
  const short = (t: string) => {
    const s = t.replace(/\s+/g, ' ').trim();
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  };
  if (ran.length > 1 && differs(results)) {
    for (let i = 0; i < longest; i++) {
      const at = split.filter((l): l is string[] => l !== undefined).map((l) => l[i] ?? '');
      if (new Set(at).size > 1) return { line: i + 1, texts: split.map((l) => (l ? short(l[i] ?? '') || '(no line)' : undefined)) };
    }
  }
  return { line: null, texts: results.map((r) => (r ? firstLine(r, max) : undefined)) };
}
