import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LabError } from '../errors/lab-error.ts';
import { lessonFiles } from './references.ts';

/**
 * "No hand-written libc version": a lesson shows the version its results ran on through
 * <LibcVersion env="musl" /> (from the results' provenance), and a statement about several
 * versions says so with a range ("musl before 1.2.4", "glibc 2.34 and later", "since musl 1.2.4",
 * "musl 1.2.3–1.2.5"). A family word followed by a version without such a word is a version
 * typed by hand, which goes stale the day the environments move: it fails the build.
 */
export interface BareVersion {
  file: string;
  line: number;
  text: string;
}

const version = String.raw`\d+\.\d+(?:\.\d+)?`;
/** Range words that may stand between the family and the version: "musl before 1.2.4". */
const between = String.raw`(?:before|after|since|from|until|till|through|up\s+to|prior\s+to|older\s+than|newer\s+than|as\s+of|starting\s+(?:with|from)|[<>]=?|[≤≥])`;
/** A family word, optional "libc"/"version" words, an optional range word, then a version. */
const mention = new RegExp(String.raw`\b(glibc|musl)\b(?:[ \u00a0]+(?:libc|version|v))*(?:[ \u00a0]*-[ \u00a0]*|[ \u00a0]+)(?:(${between})[ \u00a0]*)?v?(${version})\b`, 'gi');
/** Range words just before the family: "since musl 1.2.4", "from glibc 2.38", "up to musl 1.2.3". */
const before = new RegExp(String.raw`\b(?:before|after|since|from|until|till|through|up\s+to|prior\s+to|as\s+of|starting\s+(?:with|from)|between)[ \u00a0]+$`, 'i');
/** Range words just after the version: "glibc 2.34 and later", or a second version: "musl 1.2.3–1.2.5". */
const after = new RegExp(String.raw`^(?:[ \u00a0]*(?:,[ \u00a0]*)?(?:and|or)[ \u00a0]+(?:later|newer|earlier|older|above|below|up|before|after)\b|[ \u00a0]+onwards?\b|\+|[ \u00a0]*(?:[–—-]|to|through)[ \u00a0]*(?:(?:glibc|musl)[ \u00a0]+)?${version}\b)`, 'i');

/** Bare libc versions in one lesson's text; fenced code and import lines are not prose. */
export function findBareVersions(file: string, text: string): BareVersion[] {
  const found: BareVersion[] = [];
  let fenced = false;
  let frontmatter = false;
  for (const [i, raw] of text.split('\n').entries()) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    if (i === 0 && raw.trim() === '---') frontmatter = true;
    else if (frontmatter && raw.trim() === '---') frontmatter = false;
    if (fenced || /^\s*import\s/.test(raw)) continue;
    // A link's address may name a release tag (…;hb=glibc-2.36): that cites a source, it is not prose.
    const line = raw.replace(/https?:\/\/[^\s)"'>]+/g, (url) => ' '.repeat(url.length));
    for (const m of line.matchAll(mention)) {
      if (m[2]) continue;
      const start = m.index!;
      const end = start + m[0].length;
      if (before.test(line.slice(0, start)) || after.test(line.slice(end))) continue;
      found.push({ file, line: i + 1, text: m[0] });
    }
  }
  return found;
}

/** Fails with every bare version, as file:line, before anything runs. */
export function checkVersionsInProse(root: string, contentDir: string): void {
  const found = lessonFiles(contentDir).flatMap((f) => findBareVersions(relative(root, f), readFileSync(f, 'utf8')));
  if (found.length === 0) return;
  throw new LabError({
    name: 'BareLibcVersion',
    message: `A lesson states a libc version by hand:\n    ${found.map((b) => `${b.file}:${b.line}: "${b.text}"`).join('\n    ')}`,
    hint: 'Show the version the results ran on with <LibcVersion env="musl" /> (import it from src/components/LibcVersion.astro), or state a range: "musl before 1.2.4", "glibc 2.34 and later", "since musl 1.2.4", "musl 1.2.3–1.2.5".',
    file: found[0]!.file,
  });
}
