/**
 * What the search dialog shows, from Pagefind's answers: hits to list, the
 * sentence to announce, where the arrow keys move. Pure: dialog.ts loads
 * Pagefind, asks it and draws; this module only decides.
 */

/** The part of Pagefind's result data (`await result.data()`) the dialog uses. */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: Array<{ title: string; url: string; excerpt: string }>;
}

/** A run of excerpt text; `mark` when Pagefind marked it as matching the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Hit {
  title: string;
  url: string;
  excerpt: ExcerptPart[];
  /** Sections (headings) of the page that match, best first, at most `maxSections`. */
  sections: Array<{ title: string; url: string; excerpt: ExcerptPart[] }>;
}

/** Hits drawn at once; "Show more" adds as many again. */
export const pageSize = 8;
export const maxSections = 3;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };

/**
 * Pagefind's excerpts are HTML: the page's text, entity-escaped, with matches in
 * <mark>. The dialog draws them as text nodes (never innerHTML), so the text is
 * unescaped here and the marks become flags: a page's text can never become markup.
 */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) {
      const text = piece.replace(/<[^>]*>/g, '').replace(/&(#x27|#39|[a-z]+);/g, (all, name: string) => entities[name] ?? all);
      if (text) parts.push({ text, mark });
    }
  }
  return parts;
}

/** With Astro's `trailingSlash: 'never'`, links to pages have no trailing slash (the fragment stays). */
export function stripTrailingSlash(url: string): string {
  return url.replace(/(.)\/(#.*)?$/, '$1$2');
}

/** One listed hit from Pagefind's data for a page. */
export function toHit(data: PagefindData, formatUrl: (url: string) => string = (u) => u): Hit {
  const page = formatUrl(data.url);
  const sections = (data.sub_results ?? [])
    // Pagefind lists the text before the first heading as a "section" at the page's own URL; the page link covers it.
    .filter((s) => formatUrl(s.url) !== page)
    .slice(0, maxSections)
    .map((s) => ({ title: s.title, url: formatUrl(s.url), excerpt: excerptParts(s.excerpt) }));
  return { title: data.meta.title?.trim() || page, url: page, excerpt: excerptParts(data.excerpt), sections };
}

/** The dialog's states, each with the sentence a screen reader announces. */
export type SearchState =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'results'; query: string; total: number; shown: number }
  | { kind: 'none'; query: string }
  | { kind: 'unavailable'; dev: boolean; detail: string };

export function statusText(state: SearchState): string {
  switch (state.kind) {
    case 'empty':
      return 'Type to search the lessons and the output of their programs.';
    case 'loading':
      return 'Loading the search index…';
    case 'results': {
      const pages = state.total === 1 ? '1 page' : `${state.total} pages`;
      return `${pages} found for “${state.query}”${state.shown < state.total ? `, showing ${state.shown}` : ''}.`;
    }
    case 'none':
      return `No page matches “${state.query}”. Try fewer or shorter words (program output is searched too), or browse the lessons in the sidebar.`;
    case 'unavailable':
      return state.dev
        ? 'Search has no index in the development server: Pagefind builds it with the site. Run npm run build, then npm run preview, to search.'
        : `Search could not load its index (${state.detail}). Check the connection and try again, or browse the lessons in the sidebar.`;
  }
}

/**
 * Where focus goes on a key press: -1 is the search field, 0..count-1 the
 * result links in order; null when the key is not for moving (the browser
 * keeps its own meaning). Home and End move only among results: in the field
 * they move the caret.
 */
export function nextFocus(current: number, count: number, key: string): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return current < 0 ? null : current - 1;
    case 'Home':
      return current < 0 ? null : 0;
    case 'End':
      return current < 0 ? null : count - 1;
    default:
      return null;
  }
}
