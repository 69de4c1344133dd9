/**
 * The search dialog's behaviour, loaded (with Pagefind's index) only when the
 * reader opens search: Search.astro's small always-loaded script imports this
 * module on the first click or shortcut. The dialog's markup is in the page
 * already (no script needed to draw it); this module asks Pagefind's JavaScript
 * API and draws the hits as text, with keyboard movement between them.
 */
import { nextFocus, pageSize, statusText, stripTrailingSlash, toHit, type ExcerptPart, type Hit, type PagefindData, type SearchState } from './results.ts';

/** The part of Pagefind's JavaScript API (pagefind.js, written by the build) used here. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string, options?: object, ms?: number): Promise<{ results: Array<{ data(): Promise<PagefindData> }> } | null>;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let pagefind: Promise<Pagefind> | undefined;
let failures = 0;
/** True once the index has loaded: until then a search says it is waiting for it. */
let ready = false;

/**
 * Loads pagefind.js once; a failure is forgotten so that "Try again" loads it afresh.
 * `ranking` is Starlight's `pagefind.ranking` option, passed on by Search.astro.
 */
function loadPagefind(ranking?: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    // The index exists only in a built site: the development server has none.
    if (import.meta.env.DEV) throw new Error('no index in the development server');
    // The browser remembers a failed module load by URL: a retry asks under a new one.
    const retry = failures ? `?retry=${failures}` : '';
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js${retry}`)) as Pagefind;
    await api.options({ baseUrl: base, ...(ranking ? { ranking: JSON.parse(ranking) as object } : {}) });
    await api.init();
    return api;
  })();
  pagefind.catch(() => {
    pagefind = undefined;
    failures++;
  });
  return pagefind;
}

interface Parts {
  root: HTMLElement;
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  retry: HTMLButtonElement;
}

let parts: Parts | undefined;
/** Where focus goes back when the dialog closes: what had it when the reader opened search. */
let opener: HTMLElement | null = null;
/** Each query gets a number; answers to older queries are dropped. */
let asked = 0;
let pending: Array<{ data(): Promise<PagefindData> }> = [];
let shownCount = 0;
let total = 0;
let query = '';

/**
 * Called after Search.astro's script has shown the dialog (at once, so the reader
 * can type while this module and the index load): wires the dialog on first use
 * and searches for whatever is already typed. If the reader closed the dialog
 * before this module arrived, it stays closed.
 */
export function openSearch(root: HTMLElement, from: Element | null): void {
  parts ??= wire(root);
  const { dialog, input } = parts;
  if (!dialog.open) return;
  opener = from instanceof HTMLElement && from !== document.body ? from : null;
  document.documentElement.toggleAttribute('data-search-open', true);
  if (input.value.trim()) void search();
  else show({ kind: 'empty' });
  void loadPagefind(root.dataset.ranking).then(
    () => (ready = true),
    (e: unknown) => show({ kind: 'unavailable', dev: import.meta.env.DEV, detail: describe(e) }),
  );
}

function describe(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // Chromium's message for a missing module names the whole URL; the reader needs only what failed.
  return /fetch|import/i.test(message) ? `${base}pagefind/pagefind.js did not load` : message;
}

function wire(root: HTMLElement): Parts {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const p: Parts = {
    root,
    dialog: q('dialog'),
    input: q('input[type="search"]'),
    status: q('[role="status"]'),
    list: q('ol'),
    more: q('button[data-search-more]'),
    retry: q('button[data-search-retry]'),
  };
  p.input.addEventListener('input', () => void search());
  q('form').addEventListener('submit', (e) => {
    // Enter in the field opens the first hit.
    e.preventDefault();
    p.list.querySelector('a')?.click();
  });
  q('button[data-search-close]').addEventListener('click', () => p.dialog.close());
  p.more.addEventListener('click', () => void showMore(true));
  p.retry.addEventListener('click', () => {
    show({ kind: 'loading' });
    void loadPagefind(root.dataset.ranking).then(
      () => ((ready = true), p.input.focus(), void search()),
      (e: unknown) => show({ kind: 'unavailable', dev: import.meta.env.DEV, detail: describe(e) }),
    );
  });
  p.dialog.addEventListener('keydown', (e) => {
    const links = [...p.list.querySelectorAll('a')];
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (current < 0 && document.activeElement !== p.input) return;
    const next = nextFocus(current, links.length, e.key);
    if (next === null) return;
    e.preventDefault();
    (next < 0 ? p.input : links[next]!).focus();
  });
  // A click on the backdrop (the dialog element itself, outside its frame) closes.
  p.dialog.addEventListener('click', (e) => e.target === p.dialog && p.dialog.close());
  p.list.addEventListener('click', (e) => {
    // Following a hit: a link to a section of this very page must not leave the dialog over it.
    if ((e.target as Element).closest('a')) {
      opener = null;
      p.dialog.close();
    }
  });
  p.dialog.addEventListener('close', () => {
    document.documentElement.toggleAttribute('data-search-open', false);
    opener?.focus();
  });
  return p;
}

function show(state: SearchState): void {
  const p = parts!;
  p.status.textContent = statusText(state);
  p.retry.hidden = !(state.kind === 'unavailable' && !state.dev);
  if (state.kind !== 'results') {
    p.list.replaceChildren();
    p.more.hidden = true;
  }
}

async function search(): Promise<void> {
  const p = parts!;
  const term = p.input.value.trim();
  const mine = ++asked;
  if (!term) return show({ kind: 'empty' });
  if (!ready) show({ kind: 'loading' });
  let api: Pagefind;
  try {
    api = await loadPagefind(p.root.dataset.ranking);
    ready = true;
  } catch (e) {
    return show({ kind: 'unavailable', dev: import.meta.env.DEV, detail: describe(e) });
  }
  const answer = await api.debouncedSearch(term, {}, 200);
  // null: Pagefind dropped this search for a newer one.
  if (!answer || mine !== asked) return;
  query = term;
  pending = answer.results;
  total = pending.length;
  shownCount = 0;
  if (total === 0) return show({ kind: 'none', query: term });
  p.list.replaceChildren();
  await showMore(false, mine);
}

/** Draws the next page of hits; `focusFirst` when the reader pressed "Show more", so focus lands on what is new. */
async function showMore(focusFirst: boolean, mine = asked): Promise<void> {
  const p = parts!;
  const batch = pending.slice(shownCount, shownCount + pageSize);
  const format = p.root.dataset.stripTrailingSlash !== undefined ? stripTrailingSlash : undefined;
  const hits = (await Promise.all(batch.map((r) => r.data()))).map((d) => toHit(d, format));
  if (mine !== asked) return;
  const items = hits.map(drawHit);
  p.list.append(...items);
  shownCount += hits.length;
  p.more.hidden = shownCount >= total;
  show({ kind: 'results', query, total, shown: shownCount });
  if (focusFirst) items[0]?.querySelector('a')?.focus();
}

function drawHit(hit: Hit): HTMLLIElement {
  const li = el('li', 'site-search__hit');
  li.append(link(hit.url, hit.title, hit.excerpt, 'site-search__page'));
  if (hit.sections.length) {
    const ul = el('ul', 'site-search__sections');
    for (const s of hit.sections) ul.append(el('li', '', [link(s.url, s.title, s.excerpt, 'site-search__section')]));
    li.append(ul);
  }
  return li;
}

function link(href: string, title: string, excerpt: ExcerptPart[], className: string): HTMLAnchorElement {
  const a = el('a', className, [el('span', 'site-search__title', [title]), el('span', 'site-search__excerpt', excerpt.map((x) => (x.mark ? el('mark', '', [x.text]) : x.text)))]);
  a.href = href;
  return a;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}
