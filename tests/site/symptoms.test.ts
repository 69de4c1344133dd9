import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSite, root } from './helpers.ts';
import { projectPaths, runSession } from '../../src/session/session.ts';
import { probeEntries } from '../../src/loader/probe-entry.ts';
import { symptomIndex, type StageGroup } from '../../src/symptoms/group.ts';
import { checkQuotes, findQuotes, messageAnchor, quotableTexts } from '../../src/symptoms/quotes.ts';
import { lessonFiles } from '../../src/lessons/references.ts';
import { lessonHref } from '../../src/symptoms/places.ts';
import type { Result } from '../../src/runner/result.ts';

// The symptom page against the results it is generated from, and the lessons' quoted messages against the runs.
let groups: StageGroup[];
let results: Result[];
let html: string;

beforeAll(async () => {
  const session = await runSession({});
  results = session.records.map((r) => r.result);
  groups = symptomIndex(probeEntries(session.probes, session.envs, session.records, session.notRun));
  await buildSite();
  html = readFileSync(join(root, 'dist', 'symptoms', 'index.html'), 'utf8');
});

/** HTML text back to the text (Astro escapes &, <, >, " and '). */
const unescaped = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/** The page's entries: anchor and message text, in page order. */
function pageEntries(page: string): { id: string; message: string }[] {
  return [...page.matchAll(/<li class="symptom"[^>]*? id="(m-[0-9a-f]{8})"[^>]*>\s*<code class="symptom-message"[^>]*>([\s\S]*?)<\/code>/g)].map((m) => ({ id: m[1]!, message: m[2]! }));
}

describe('the symptom page', () => {
  it('lists every distinct message of the runs once, verbatim, under its stage', () => {
    const all = groups.flatMap((g) => g.entries);
    expect(all.length).toBeGreaterThan(0);
    const shown = pageEntries(html);
    expect(shown.map((e) => unescaped(e.message))).toEqual(all.map((e) => e.message));
    expect(shown.map((e) => e.id)).toEqual(all.map((e) => messageAnchor(e.message)));
    expect(html).toContain(`data-symptom-count="${all.length}"`);
    for (const g of groups) expect(unescaped(html)).toContain(`data-stage="${g.stage}"`);
    console.log(`symptom page: ${all.length} distinct messages (${groups.map((g) => `${g.stage}: ${g.entries.length}`).join(', ')}), ${Math.round(Buffer.byteLength(html) / 1024)} KiB of HTML`);
  });

  it('keeps the messages in the search index (no data-pagefind-ignore around them) and the page small', () => {
    const body = html.slice(html.indexOf('data-pagefind-body'));
    expect(body).toContain('class="symptom-index"');
    expect(html).not.toMatch(/data-pagefind-ignore[^>]*>[\s\S]*?class="symptom-index"/);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(150 * 1024);
  });

  it('links each run to a block of its lesson that exists', () => {
    const links = [...html.matchAll(/<a href="(\/[^"#]*)#(run--[^"]+)"/g)].map((m) => ({ page: m[1]!, id: m[2]! }));
    expect(links.length).toBeGreaterThan(0);
    const missing = links.filter(({ page, id }) => !readFileSync(join(root, 'dist', page, 'index.html'), 'utf8').includes(` id="${id}"`));
    expect(missing).toEqual([]);
  });

  it('is in the sidebar and linked from the landing page', () => {
    const landing = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
    const main = landing.slice(landing.indexOf('data-pagefind-body'));
    expect(main).toMatch(/<a href="\/symptoms\/"/);
    expect(landing).toMatch(/<a href="\/symptoms\/"[^>]*>\s*<span[^>]*>I see this error<\/span>/);
  });
});

describe('every page', () => {
  it('gives each element id once, so a link to a run lands on it', () => {
    const dist = join(root, 'dist');
    const dupes: string[] = [];
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
      const ids = [...readFileSync(join(dist, file), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id) && id.startsWith('run--')) dupes.push(`${file}: ${id}`);
        seen.add(id);
      }
    }
    expect(dupes).toEqual([]);
  });
});

describe('messages quoted in lessons', () => {
  it('were all printed by some run (<Symptom text="…" />)', () => {
    const { root: projectRoot, contentDir } = projectPaths();
    const quotes = lessonFiles(contentDir).flatMap((f) => findQuotes(relative(projectRoot, f), readFileSync(f, 'utf8')));
    expect(checkQuotes(quotes, quotableTexts(results))).toEqual([]);
  });

  it('are shown on their pages, linked to their entry when they are a whole indexed message', () => {
    const { root: projectRoot, contentDir } = projectPaths();
    const indexed = new Set(groups.flatMap((g) => g.entries.map((e) => e.message)));
    for (const file of lessonFiles(contentDir)) {
      const quotes = findQuotes(relative(projectRoot, file), readFileSync(file, 'utf8'));
      if (quotes.length === 0) continue;
      const page = unescaped(readFileSync(join(root, 'dist', lessonHref(relative(projectRoot, file)), 'index.html'), 'utf8'));
      for (const q of quotes) {
        const shown = indexed.has(q.text) ? `<a class="symptom-quote" href="/symptoms/#${messageAnchor(q.text)}"><code>${q.text}</code></a>` : `<code class="symptom-quote">${q.text}</code>`;
        expect(page, `${q.file}:${q.line}`).toContain(shown);
      }
    }
  });
});
