/**
 * Where a probe's run is shown in the lessons, from the components that name
 * it (src/lessons/references.ts): the page, and the anchor <Probe> gives each
 * variant. Pure: references in, links out.
 */
import type { ProbeReference } from '../lessons/references.ts';

/**
 * The id <Probe> gives a variant's block on its page: "run--<probe id with "/" as "-">--<variant>".
 * Shown twice on one page, the first block wins the link (ids must be unique; the site test checks it).
 */
export function runAnchor(probeId: string, variantId: string): string {
  return `run--${probeId.replaceAll('/', '-')}--${variantId}`;
}

/** The page of a lesson file: "content/differences/stdio.mdx" → "/differences/stdio/", "content/index.mdx" → "/". */
export function lessonHref(file: string, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const slug = file
    .replace(/^(?:.*?\/)?content\//, '')
    .replace(/\.mdx?$/, '')
    .replace(/(?:^|\/)index$/, '');
  return slug ? `${root}${slug}/` : root;
}

export interface Place {
  /** Lesson file relative to the project root. */
  file: string;
  /** Page with the anchor of the variant's block when a <Probe> shows it. */
  href: string;
}

/** A lesson that shows the probe fully comes before one that quotes it; the landing page last. */
function rank(ref: ProbeReference, variantId: string): number {
  const shows = ref.variants.length === 0 || ref.variants.includes(variantId);
  const component = ref.component === 'Probe' && shows ? 0 : ref.component === 'ProbeOutput' && shows ? 1 : shows ? 2 : 3;
  return component * 2 + (/(?:^|\/)content\/index\.mdx?$/.test(ref.file) ? 1 : 0);
}

/** Where to send a reader for one run (probe and variant): the best place, or undefined when no lesson names the probe. */
export function placeOfRun(refs: ProbeReference[], probeId: string, variantId: string, base = '/'): Place | undefined {
  const best = refs
    .filter((r) => r.id === probeId)
    .map((r, i) => ({ r, i, score: rank(r, variantId) }))
    .sort((a, b) => a.score - b.score || a.i - b.i)[0];
  if (!best) return undefined;
  const page = lessonHref(best.r.file, base);
  const anchored = best.r.component === 'Probe' && (best.r.variants.length === 0 || best.r.variants.includes(variantId));
  return { file: best.r.file, href: anchored ? `${page}#${runAnchor(probeId, variantId)}` : page };
}

/** Every lesson file that names any of these probes, once each, landing page last. */
export function lessonsOf(refs: ProbeReference[], probeIds: string[]): string[] {
  const files = [...new Set(refs.filter((r) => probeIds.includes(r.id)).map((r) => r.file))];
  const landing = (f: string) => (/(?:^|\/)content\/index\.mdx?$/.test(f) ? 1 : 0);
  return files.sort((a, b) => landing(a) - landing(b));
}
