import { describe, it, expect } from 'vitest';
import { excerptParts, nextFocus, statusText, stripTrailingSlash, toHit, maxSections } from '../../src/components/search/results.ts';
import { shortcut } from '../../src/components/search/shortcut.ts';

describe('excerptParts', () => {
  it('turns Pagefind marks into flagged runs of text', () => {
    expect(excerptParts('stack of <mark>8388608</mark> bytes')).toEqual([
      { text: 'stack of ', mark: false },
      { text: '8388608', mark: true },
      { text: ' bytes', mark: false },
    ]);
  });
  it('unescapes entities, so the text is drawn as the page shows it', () => {
    expect(excerptParts('#include &lt;stdio.h&gt; &amp;&amp; it&#39;s')).toEqual([{ text: "#include <stdio.h> && it's", mark: false }]);
  });
  it('never yields markup: tags other than mark are dropped', () => {
    expect(excerptParts('<img src=x onerror=alert(1)>a<mark>b</mark>')).toEqual([
      { text: 'a', mark: false },
      { text: 'b', mark: true },
    ]);
  });
});

describe('toHit', () => {
  const data = {
    url: '/threads/stack-size/',
    excerpt: 'the <mark>stack</mark>',
    meta: { title: 'Thread stack size' },
    sub_results: [
      { title: 'Thread stack size', url: '/threads/stack-size/', excerpt: 'intro' },
      ...Array.from({ length: maxSections + 2 }, (_, i) => ({ title: `S${i}`, url: `/threads/stack-size/#s${i}`, excerpt: `<mark>s${i}</mark>` })),
    ],
  };
  it("lists the page's matching sections, without the page itself, at most maxSections", () => {
    const hit = toHit(data);
    expect(hit.title).toBe('Thread stack size');
    expect(hit.sections.map((s) => s.url)).toEqual(['/threads/stack-size/#s0', '/threads/stack-size/#s1', '/threads/stack-size/#s2']);
  });
  it('formats every URL (e.g. without trailing slash)', () => {
    const hit = toHit(data, stripTrailingSlash);
    expect(hit.url).toBe('/threads/stack-size');
    expect(hit.sections[0]!.url).toBe('/threads/stack-size#s0');
  });
  it('falls back to the URL when the page has no title', () => {
    expect(toHit({ url: '/x/', excerpt: '', meta: {} }).title).toBe('/x/');
  });
});

describe('statusText', () => {
  it('counts pages found and says when only some are shown', () => {
    expect(statusText({ kind: 'results', query: 'EAI_AGAIN', total: 12, shown: 8 })).toBe('12 pages found for “EAI_AGAIN”, showing 8.');
    expect(statusText({ kind: 'results', query: 'x', total: 1, shown: 1 })).toBe('1 page found for “x”.');
  });
  it('offers a way on when nothing matches', () => {
    expect(statusText({ kind: 'none', query: 'zzz' })).toMatch(/No page matches “zzz”.*sidebar/);
  });
  it('explains a missing index: in the development server how to get one, in a built site what failed', () => {
    expect(statusText({ kind: 'unavailable', dev: true, detail: '' })).toMatch(/npm run build.*npm run preview/);
    expect(statusText({ kind: 'unavailable', dev: false, detail: '/pagefind/pagefind.js did not load' })).toMatch(/\(\/pagefind\/pagefind\.js did not load\).*try again/);
  });
});

describe('nextFocus', () => {
  it('moves from the field (-1) to the first result and back', () => {
    expect(nextFocus(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextFocus(0, 3, 'ArrowUp')).toBe(-1);
  });
  it('stops at the last result', () => {
    expect(nextFocus(2, 3, 'ArrowDown')).toBe(2);
  });
  it('jumps with Home and End among results, but leaves them to the caret in the field', () => {
    expect(nextFocus(1, 3, 'End')).toBe(2);
    expect(nextFocus(2, 3, 'Home')).toBe(0);
    expect(nextFocus(-1, 3, 'Home')).toBeNull();
  });
  it('does nothing without results or for other keys', () => {
    expect(nextFocus(-1, 0, 'ArrowDown')).toBeNull();
    expect(nextFocus(0, 3, 'a')).toBeNull();
  });
});

describe('shortcut', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it('Ctrl+K and ⌘K toggle search, even while typing', () => {
    expect(shortcut(key('k', { ctrlKey: true }), true)).toBe('toggle');
    expect(shortcut(key('k', { metaKey: true }), false)).toBe('toggle');
  });
  it('"/" opens search unless the reader is typing', () => {
    expect(shortcut(key('/'), false)).toBe('open');
    expect(shortcut(key('/'), true)).toBeNull();
  });
  it('ignores other keys and other modifier combinations', () => {
    expect(shortcut(key('k'), false)).toBeNull();
    expect(shortcut(key('k', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });
});
