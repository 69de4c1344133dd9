import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { findReferences, lessonFiles } from '../lessons/references.ts';

/** The first lesson that shows each probe, as a page path ("dns/resolver/"), from the lessons' own references. */
export function lessonsByProbe(contentDir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of lessonFiles(contentDir)) {
    const page = relative(contentDir, file).replace(/\.mdx?$/, '/').replace(/(^|\/)index\/$/, '$1');
    for (const ref of findReferences(file, readFileSync(file, 'utf8'))) if (!found.has(ref.id)) found.set(ref.id, page);
  }
  return found;
}

/** Where a reader sees a probe: the lesson that shows it, else its published results folder. */
export function probeHref(id: string, lessons: Map<string, string>, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const page = lessons.get(id);
  return page !== undefined ? `${root}${page}` : `${root}results/${id}/`;
}
