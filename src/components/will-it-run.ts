/**
 * The in-page checker's view: loaded (dynamic import) when the reader gives a
 * first file, never before. Reads the file where it is, judges it with
 * check-binary's rules against the data the build published, and writes the
 * verdicts with textContent only (a file name is never markup).
 */
import { checkFile, fileSource, missingSentence, siteData, type PageReport } from '../check/in-browser.ts';
import type { FailureClass } from '../check/verdict.ts';

/** Where each kind of failure is explained. */
export const lessons: Record<FailureClass, { href: string; title: string }> = {
  machine: { href: '/linking/check-binary/#how-it-decides', title: 'How the checker decides: architecture' },
  interpreter: { href: '/linking/dynamic-static/#not-found-for-a-file-that-exists', title: '"not found", for a file that exists' },
  library: { href: '/linking/check-binary/#how-it-decides', title: 'How the loader looks for shared libraries' },
  version: { href: '/linking/dynamic-static/#symbol-versions-what-glibc-version-a-binary-needs', title: 'Symbol versions: what glibc version a binary needs' },
  symbol: { href: '/linking/dynamic-static/#symbol-level-failures', title: 'Symbol-level failures' },
};

const data = siteData(async (path) => {
  const r = await fetch(`/check-data/${path}`);
  if (!r.ok) throw new Error(`the site's data ${path} did not load (HTTP ${r.status})`);
  return r.json();
});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** What the file is, or why it is not judged, in one sentence. */
export function describe(report: PageReport): string {
  const { facts, problems, script, archive } = report.reading;
  if (problems.length > 0) return `It starts like an ELF file, but ${problems.join('; ')}. Nothing is judged from a partial read.`;
  if (script) return `A script (${script}), not an ELF file: it runs wherever its interpreter and the commands it calls exist, which the page cannot see. Check the interpreter's binary instead.`;
  if (archive) return 'An ar archive (a static library, .a): object files a linker uses, not a program. Check the program you link it into.';
  if (!facts.isElf) return 'Not an ELF file (no \\x7fELF at its start): the page judges Linux programs and shared libraries only.';
  const kind = facts.type === 'DYN' ? (facts.interpreter || facts.pie ? 'position-independent executable' : 'shared library') : facts.type === 'EXEC' ? 'executable' : `${facts.type} file`;
  const linking = !facts.interpreter && facts.needed.length === 0 ? 'statically linked' : `interpreter ${facts.interpreter ?? '(none)'}, needs ${facts.needed.join(', ') || 'no library'}`;
  return `${facts.elfClass} ${facts.machine} ${kind}, ${linking}; ${facts.required.length} symbol(s) to resolve.`;
}

export async function show(out: HTMLElement, file: File): Promise<void> {
  out.replaceChildren(el('p', `Reading ${file.name} (${file.size.toLocaleString('en')} bytes) in this tab…`));
  let report: PageReport;
  try {
    report = await checkFile(file.name, fileSource(file), data);
  } catch (error) {
    out.replaceChildren(el('p', `Could not check ${file.name}: ${(error as Error).message}. Reload the page and try again; if it persists, use npm run check-binary.`, 'wir-error'));
    return;
  }
  const section = el('section');
  section.dataset.file = file.name;
  section.append(el('h3', file.name), el('p', describe(report), 'wir-description'));
  const table = el('table', undefined, 'wir-verdicts');
  const head = el('tr');
  for (const h of ['Environment', 'Verdict', 'What you would see', 'Why']) head.append(Object.assign(el('th', h), { scope: 'col' }));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const v of report.verdicts) {
    const row = el('tr');
    row.dataset.env = v.env;
    row.dataset.verdict = v.verdict;
    const env = el('th', v.label);
    env.scope = 'row';
    env.append(el('br'), el('small', v.libc));
    if (v.stale) {
      row.dataset.stale = '';
      env.append(el('br'), el('small', `Stale: ${v.stale}.`, 'wir-stale'));
    }
    const verdict = el('td');
    verdict.append(el('strong', v.verdict === 'runs' ? 'runs' : v.verdict === 'fails' ? 'fails' : 'cannot say'));
    const seen = el('td');
    if (v.message) seen.append(el('code', v.message, 'wir-message'));
    if (v.seen) {
      const p = el('small', 'Seen on this site: ');
      const a = el('a', v.seen.run);
      a.href = `/results/${v.seen.run.replace(':', '/').replace('@', '/')}.json`;
      p.append(a, ` printed “${v.seen.message}”.`);
      seen.append(el('br'), p);
    }
    if (v.failure) {
      const a = el('a', lessons[v.failure].title);
      a.href = lessons[v.failure].href;
      seen.append(el('br'), el('small', 'Why: '), a);
    }
    const why = el('td');
    const list = el('ul');
    for (const r of v.reasons) list.append(el('li', r));
    why.append(list);
    row.append(env, verdict, seen, why);
    table.tBodies[0]!.append(row);
  }
  section.append(table);
  const missing = missingSentence(report.missing);
  if (missing) section.append(el('p', missing, 'wir-missing'));
  out.replaceChildren(section);
}
