/**
 * Loads the output of a version the page does not show, from the run's published JSON, when
 * the reader asks (a "show output" button in OtherVersions.astro, a version's button under a
 * DNS query log in DnsQueryLog.astro); nothing loads until then. The nearest [data-json]
 * names the variant's folder under /results/, the nearest [data-env] (the button or its list
 * item) the environment. A module, so each component that has such buttons brings it; it runs once.
 */
import { answerText, viaText, type LoggedQuery } from './dns-answer.ts';

type Query = LoggedQuery & { t: number; server: string; type: string; name: string };

/** A query log as text, with the columns of the page's tables. */
function logText(queries: Query[]): string {
  const row = (q: Query) => [(q.t - queries[0]!.t).toFixed(1), q.server, viaText(q), q.type, q.name, answerText(q)].join('  ');
  return `queries received (+ms  server  via  type  name  answer):\n${queries.map(row).join('\n')}`;
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element | null)?.closest?.('button.version-load') as HTMLButtonElement | null;
  const item = button?.closest('[data-env]') as HTMLElement | null;
  const folder = (item?.closest('[data-json]') as HTMLElement | null)?.dataset.json;
  if (!button || !item || !folder) return;
  const url = `${folder}${item.dataset.env}.json`;
  const inList = item.tagName === 'LI';
  const pre = document.createElement('pre');
  pre.className = 'out';
  button.disabled = true;
  try {
    const r = await (await fetch(url)).json();
    const diag = r.outcome?.kind === 'compile-failed' ? r.compile?.diagnostics : '';
    const queries = (r.dns?.queries ?? []) as Query[];
    const log = queries.length ? logText(queries) : r.dns ? 'no query reached any nameserver' : '';
    // Under a query log the log is what was asked for; in a version list, the output first.
    const parts = inList ? [diag, r.stdout, r.stderr && `stderr:\n${r.stderr}`, log] : [`${button.textContent}: ${r.dns?.queries?.length ?? 0} queries`, log];
    pre.textContent = parts.filter(Boolean).join('\n') || '(no output)';
  } catch (error) {
    pre.textContent = `could not load ${url}: ${(error as Error).message}`;
  }
  if (inList) button.replaceWith(pre);
  else {
    // A <pre> cannot sit inside the <p> of buttons: it goes after it, and the button goes.
    pre.dataset.env = item.dataset.env;
    button.closest('p')!.after(pre);
    button.remove();
  }
});
