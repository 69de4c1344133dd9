import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildSite, root } from './helpers.ts';
import { assertChromium, chromiumFlags } from '../../src/site/chromium.ts';
import { serveDist, type ServedSite } from '../../src/site/serve.ts';
import { runSession } from '../../src/session/session.ts';
import type { Result } from '../../src/runner/result.ts';

// The built site in a real browser (Debian's chromium), served from dist/ on loopback.
let site: ServedSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  await buildSite();
  site = await serveDist(root);
  await freshBrowser();
});

async function freshBrowser(): Promise<void> {
  browser = await chromium.launch({ executablePath: assertChromium(), args: chromiumFlags });
  await freshContext();
}

async function freshContext(): Promise<void> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Pages load in well under a second on an idle machine; a shared, busy one needs more room.
  context.setDefaultNavigationTimeout(90_000);
}

// Every test starts in a browser context of its own, with no page of an earlier test. A test that
// fails leaves its pages open, and in CI a search test stalled (no CPU used, no call returning) until
// its timeout, after which even closing its page hung. So the last test's context is closed within
// 15 s, and if it cannot be, the browser is replaced: a stall costs one try, not the ones after it.
afterEach(async () => {
  try {
    await bounded("closing the last test's pages", context.close(), 15_000);
    await freshContext();
  } catch {
    await bounded('closing the browser', browser.close(), 15_000).catch(() => undefined);
    await freshBrowser();
  }
});

afterAll(async () => {
  if (browser) await bounded('closing the browser', browser.close(), 15_000).catch(() => undefined);
  await site?.stop();
});

/** Every page of dist/ as a URL path, e.g. "/threads/stack-size/"; not the runs' details under /runs/ (fetched into lessons). */
function pagePaths(): string[] {
  const dist = join(root, 'dist');
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html') && !f.startsWith('runs/'))
    .map((f) => `/${relative(dist, join(dist, f)).replace(/index\.html$/, '')}`)
    .sort();
}

/** Opens a page, noting console errors, page errors, failed requests and every request that leaves the site. */
async function visit(path: string, page?: Page): Promise<{ page: Page; problems: string[] }> {
  page ??= await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()} (${m.location().url})`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => !r.url().startsWith(site.url) && !r.url().startsWith('data:') && problems.push(`off-site request: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  const response = await page.goto(site.url + path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  // The page under test has the window's focus, as a reader's tab does (keyboard tests depend on it).
  await page.bringToFront();
  return { page, problems };
}

/**
 * A browser call that cannot stall a test. Playwright bounds waits for elements and navigations,
 * not keyboard input or a page.evaluate: in two CI runs one of the search tests hung in such a call
 * until the test's own timeout (180 s, twice in a row). Bounded, it fails in seconds, naming the
 * step, and the test's retry starts from a clean page.
 */
async function bounded<T>(what: string, call: Promise<T>, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not return within ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([call, limit]);
  } finally {
    clearTimeout(timer);
  }
}
const key = (page: Page, k: string) => bounded(`keyboard press ${k}`, page.keyboard.press(k));
const typed = (page: Page, text: string) => bounded(`keyboard type "${text}"`, page.keyboard.type(text));

describe('every page in the browser', () => {
  it('loads with no console error, no failed request, no off-site request, and headings in order', async () => {
    const paths = pagePaths();
    expect(paths.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const path of paths) {
      const visited = await visit(path);
      await visited.page.waitForLoadState('networkidle');
      problems.push(...visited.problems.map((p) => `${path}: ${p}`));
      // Headings never skip a level (screen readers navigate by them).
      const skipped = await visited.page.evaluate(() => {
        let previous = 1;
        const out: string[] = [];
        for (const h of document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')) {
          const level = Number(h.tagName[1]);
          if (level > previous + 1) out.push(`h${previous} → ${h.tagName.toLowerCase()} "${h.textContent?.trim().slice(0, 60)}"`);
          previous = level;
        }
        return out;
      });
      problems.push(...skipped.map((s) => `${path}: heading skips a level: ${s}`));
      await visited.page.close();
    }
    expect(problems).toEqual([]);
  });
});

describe('charts', () => {
  let results: Result[];
  beforeAll(async () => {
    results = (await runSession({ only: ['thread-stack/default-size'] })).records.map((r) => r.result);
  });

  it('draw the numbers the runs printed', async () => {
    const { page } = await visit('/threads/stack-size/');
    const figure = page.locator('figure.probe-chart[data-probe="thread-stack/default-size"]');
    // Charts are drawn when they come near the viewport.
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.getAttribute('data-rendered')).toBe('true');
    const metric = (await figure.getAttribute('data-metric'))!;
    const drawn = JSON.parse((await figure.locator('canvas').getAttribute('data-drawn'))!) as (number | null)[][];
    const rows = await figure.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ variant: tr.getAttribute('data-variant')!, cells: [...tr.querySelectorAll('td')].map((td) => ({ env: td.dataset.env!, value: td.dataset.value! })) })),
    );
    expect(rows.length).toBeGreaterThan(1);
    let compared = 0;
    rows.forEach((row, j) =>
      row.cells.forEach((cell, i) => {
        const result = results.find((r) => r.variantId === row.variant && r.envId === cell.env);
        const printed = result && new RegExp(`^${metric}=(-?[0-9.]+)\\s*$`, 'm').exec(result.stdout)?.[1];
        expect(drawn[i]![j], `${row.variant}@${cell.env}`).toBe(printed ? Number(printed) : null);
        compared++;
      }),
    );
    expect(compared).toBe(rows.length * rows[0]!.cells.length);
    // Something was painted on the canvas.
    const painted = await figure.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 3; k < data.length; k += 4) if (data[k]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
    await page.close();
  });

  it('are drawn only when they come near the viewport', async () => {
    const { page } = await visit('/benchmarks/glibc-vs-musl/');
    const figures = page.locator('figure.bench-chart');
    expect(await figures.count()).toBeGreaterThan(3);
    await figures.first().scrollIntoViewIfNeeded();
    await expect.poll(() => figures.first().getAttribute('data-rendered')).toBe('true');
    expect(await figures.last().getAttribute('data-rendered')).toBeNull();
    await figures.last().scrollIntoViewIfNeeded();
    await expect.poll(() => figures.last().getAttribute('data-rendered')).toBe('true');
    await page.close();
  });

  it('follow the light and dark themes', async () => {
    const { page } = await visit('/threads/stack-size/');
    const canvas = page.locator('figure.probe-chart canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    await expect.poll(() => canvas.getAttribute('data-drawn')).not.toBeNull();
    const ink = async (theme: string) => {
      await page.selectOption('starlight-theme-select select', theme);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const expected = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--sl-color-gray-2').trim());
      await expect.poll(() => canvas.getAttribute('data-ink')).toBe(expected);
      return expected;
    };
    const dark = await ink('dark');
    const light = await ink('light');
    expect(dark).not.toBe(light);
    await page.close();
  });
});

// The first search of a page loads the dialog's code and Pagefind's index: seconds on a busy machine.
// Keyboard and focus in a real browser on a loaded 2-core machine: about one run in three of
// this block lost focus or stalled in one test (seen in CI, and locally with nothing else
// running), passing on the next try in a fresh page. A stall now fails after 180 s instead of
// 300 s, and each test gets two more tries; no assertion is loosened.
describe('search', { timeout: 180_000, retry: 2 }, () => {
  /** The text of each page's indexed body: program outputs apart from the prose around them. */
  function indexedText(): Array<{ path: string; outputs: string[]; prose: string }> {
    return pagePaths().map((path) => {
      const html = readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');
      const body = html.slice(html.indexOf('data-pagefind-body')).replace(/<[^>]*data-pagefind-ignore[\s\S]*?<\/details>/g, ' ');
      const outputs = [...body.matchAll(/<pre class="out"[^>]*>([\s\S]*?)<\/pre>/g)].map((m) => m[1]!);
      const prose = body.replace(/<pre class="out"[^>]*>[\s\S]*?<\/pre>/g, ' ').replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ');
      return { path, outputs, prose };
    });
  }

  /** A word that a program printed and that appears nowhere else on any page: only the index of outputs can find it. */
  function wordOnlyInOutput(): { word: string; path: string } {
    const pages = indexedText();
    const seen = new Map<string, Set<string>>();
    for (const { path, outputs } of pages) for (const out of outputs) for (const word of out.match(/\b[A-Za-z]{6,}\b/g) ?? []) seen.set(word, (seen.get(word) ?? new Set()).add(path));
    const all = pages.map((p) => p.prose.toLowerCase()).join(' ');
    const found = [...seen].filter(([word, paths]) => paths.size === 1 && !all.includes(word.toLowerCase())).sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
    expect(found.length, 'no word appears only in program output').toBeGreaterThan(0);
    return { word: found[0]![0], path: [...found[0]![1]][0]! };
  }

  /** A word of a lesson's prose found on exactly one page and in no program output. */
  function wordOnlyInProse(): { word: string; path: string } {
    const pages = indexedText();
    const seen = new Map<string, Set<string>>();
    for (const { path, prose } of pages) for (const word of prose.match(/\b[a-z]{9,}\b/g) ?? []) seen.set(word, (seen.get(word) ?? new Set()).add(path));
    const outputs = pages.flatMap((p) => p.outputs).join(' ').toLowerCase();
    const found = [...seen].filter(([word, paths]) => paths.size === 1 && !outputs.includes(word) && [...paths][0] !== '/').sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
    expect(found.length, 'no word appears in the prose of one page only').toBeGreaterThan(0);
    return { word: found[0]![0], path: [...found[0]![1]][0]! };
  }

  /** Opens a page, recording every path it requests from the start. */
  async function visitRecording(path: string) {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const visited = await visit(path, page);
    await page.waitForLoadState('networkidle');
    return { ...visited, requested };
  }

  /** The first search of a page loads the dialog's code and Pagefind's index (seconds on a busy machine). */
  const wait = { timeout: 60_000 };
  const input = (page: Page) => page.locator('#site-search-input');
  const dialogOpen = (page: Page) => page.locator('dialog.site-search__dialog').evaluate((d: HTMLDialogElement) => d.open);
  const hits = (page: Page) => page.locator('#site-search-results a');
  const hitPaths = (page: Page) => hits(page).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const focused = (page: Page) => bounded('reading the focused element', page.evaluate(() => (document.activeElement as HTMLElement | null)?.id || document.activeElement?.getAttribute('href') || document.activeElement?.tagName));

  it('loads no search code and no index until the reader opens search, then finds text only a program printed', async () => {
    const { word, path } = wordOnlyInOutput();
    const { page, problems, requested } = await visitRecording('/threads/stack-size/');
    const scriptsBefore = requested.filter((p) => p.endsWith('.js'));
    expect(requested.filter((p) => p.includes('pagefind'))).toEqual([]);
    // The shortcut and button are ready; nothing of search's behaviour has loaded yet.
    await page.click('button[data-search-open]');
    // The dialog shows at once, ready to type, before its code and the index have loaded.
    expect(await dialogOpen(page)).toBe(true);
    expect(await focused(page)).toBe('site-search-input');
    await input(page).fill(word);
    await expect.poll(() => hitPaths(page), wait).toContain(path);
    expect(requested).toContain('/pagefind/pagefind.js');
    expect(requested.filter((p) => p.endsWith('.js')).length).toBeGreaterThan(scriptsBefore.length + 1);
    // The count is announced in the live region.
    expect(await page.locator('.site-search__status[role="status"]').textContent()).toMatch(new RegExp(`^\\d+ pages? found for “${word}”`));
    expect(await page.locator('#site-search-results mark').first().textContent()).toMatch(new RegExp(word, 'i'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a lesson by its text; the arrow keys move between results, Enter follows one', async () => {
    const { word, path } = wordOnlyInProse();
    const { page, problems } = await visit('/');
    await key(page, 'Control+k');
    await expect.poll(() => focused(page), wait).toBe('site-search-input');
    await typed(page, word);
    await expect.poll(() => hitPaths(page), wait).toContain(path);
    // Typing searched once per key: wait until the list announced is the one for the whole word,
    // so that no answer to a shorter prefix replaces the links while the keys below move focus.
    await expect.poll(() => page.locator('.site-search__status[role="status"]').textContent(), wait).toMatch(new RegExp(`found for “${word}”`));
    await expect.poll(() => hitPaths(page), wait).toContain(path);
    const paths = await hitPaths(page);
    const links = await hits(page).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    await key(page, 'ArrowDown');
    expect(await focused(page)).toBe(links[0]);
    if (links.length > 1) {
      await key(page, 'ArrowDown');
      expect(await focused(page)).toBe(links[1]);
      await key(page, 'ArrowUp');
      expect(await focused(page)).toBe(links[0]);
    }
    await key(page, 'ArrowUp');
    expect(await focused(page)).toBe('site-search-input');
    await key(page, 'ArrowDown');
    await Promise.all([page.waitForURL((url) => url.pathname === paths[0], { waitUntil: 'commit', timeout: 60_000 }), key(page, 'Enter')]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens with "/" and Ctrl+K, closes with Escape, and gives focus back to where it was', async () => {
    const { page, problems } = await visit('/about/results/');
    // Opened by the button: focus returns to the button.
    await page.click('button[data-search-open]');
    await expect.poll(() => focused(page), wait).toBe('site-search-input');
    await typed(page, 'musl');
    await key(page, 'Escape');
    expect(await dialogOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('button[data-search-open]'))).toBe(true);
    // Opened by "/" from a link: focus returns to the link.
    const link = page.locator('main a[href]').first();
    await link.evaluate((a) => a.setAttribute('data-opener', ''));
    await link.focus();
    await key(page, '/');
    await expect.poll(() => focused(page), wait).toBe('site-search-input');
    // "/" typed in the field is text, not the shortcut.
    await key(page, '/');
    expect(await input(page).inputValue()).toContain('/');
    await key(page, 'Escape');
    expect(await dialogOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-opener'))).toBe(true);
    // Ctrl+K toggles.
    await key(page, 'Control+k');
    await expect.poll(() => dialogOpen(page), wait).toBe(true);
    await key(page, 'Control+k');
    await expect.poll(() => dialogOpen(page), wait).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when nothing matches', async () => {
    // Pagefind's own matching is loose (a made-up word found 2 pages of the real index),
    // so an index that finds nothing is stood in for by a module with Pagefind's API.
    const blank = await context.newPage();
    await blank.route('**/pagefind/pagefind.js', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: 'export async function options() {}\nexport async function init() {}\nexport async function debouncedSearch() { return { results: [] }; }\n',
      }),
    );
    const { page, problems } = await visit('/threads/stack-size/', blank);
    await page.click('button[data-search-open]');
    await input(page).fill('qzxjvwq');
    const status = page.locator('.site-search__status');
    await expect.poll(() => status.textContent(), wait).toMatch(/^No page matches “qzxjvwq”/);
    expect(await hits(page).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('explains a missing index and offers to try again', async () => {
    const page = await context.newPage();
    await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(site.url + '/');
    await page.click('button[data-search-open]');
    const status = page.locator('.site-search__status');
    await expect.poll(() => status.textContent(), wait).toMatch(/^Search could not load its index \(\/pagefind\/pagefind\.js did not load\)/);
    const retry = page.locator('button[data-search-retry]');
    expect(await retry.isVisible()).toBe(true);
    await page.unroute('**/pagefind/pagefind.js');
    await retry.click();
    await input(page).fill('musl');
    await expect.poll(() => hits(page).count(), wait).toBeGreaterThan(0);
    expect(await retry.isVisible()).toBe(false);
    await page.close();
  });

  it('follows the light and dark themes', async () => {
    const { page } = await visit('/');
    const colours = async (theme: string) => {
      await page.selectOption('starlight-theme-select select', theme);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), wait).toBe(theme);
      await page.click('button[data-search-open]');
      await input(page).fill('musl');
      await expect.poll(() => hits(page).count(), wait).toBeGreaterThan(0);
      const read = (selector: string) => page.locator(selector).first().evaluate((e) => ({ bg: getComputedStyle(e).backgroundColor, fg: getComputedStyle(e).color }));
      const result = { dialog: await read('dialog.site-search__dialog'), hit: await read('#site-search-results a'), title: await read('#site-search-results .site-search__title') };
      await key(page, 'Escape');
      return result;
    };
    const dark = await colours('dark');
    const light = await colours('light');
    expect(dark.dialog.bg).not.toBe(light.dialog.bg);
    expect(dark.hit.bg).not.toBe(light.hit.bg);
    expect(dark.title.fg).not.toBe(light.title.fg);
    // Text differs from its background in both themes.
    for (const t of [dark, light]) expect(t.title.fg).not.toBe(t.hit.bg);
    await page.close();
  });
});

describe('the symptom page', () => {
  /** A spread of the page's messages: the first of each stage, then every n-th, at most `max`. */
  async function sampleMessages(page: Page, max = 12): Promise<string[]> {
    const byStage = await page.$$eval('.symptom-index section[data-stage]', (sections) =>
      sections.map((s) => [...s.querySelectorAll('.symptom-message')].map((m) => m.textContent ?? '')),
    );
    const all = byStage.flat();
    const step = Math.max(1, Math.floor(all.length / max));
    const picked = [...byStage.map((ms) => ms[0]!), ...all.filter((_, i) => i % step === 0)];
    return [...new Set(picked)].slice(0, max);
  }

  it('lists the messages, each with the runs and lessons it comes from', async () => {
    const { page, problems } = await visit('/symptoms/');
    const count = Number(await page.getAttribute('.symptom-index', 'data-symptom-count'));
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.symptom').count()).toBe(count);
    const first = page.locator('.symptom').first();
    await first.locator('summary').click();
    const runLinks = first.locator('details a');
    expect(await runLinks.count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is what site search finds for a sample of its messages', async () => {
    const { page, problems } = await visit('/symptoms/');
    const messages = await sampleMessages(page);
    expect(messages.length).toBeGreaterThan(0);
    const missed: string[] = [];
    for (const message of messages) {
      // Pagefind's own API, as the search box uses it; "…" (a shortened path) is not a word to search for.
      // (A string, so that the test runner does not rewrite the page's import().)
      const urls: string[] = await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const found = await pagefind.search(${JSON.stringify(message.replaceAll('…', ' '))});
        return Promise.all(found.results.slice(0, 20).map(async (r) => (await r.data()).url));
      })()`);
      if (!urls.some((u: string) => u.replace(/\.html$/, '/').endsWith('/symptoms/'))) missed.push(`${message} → ${urls.join(', ') || 'nothing'}`);
    }
    expect(missed).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('reproduce and raw results', () => {
  it('copies the reproduce command of a run, which names its images and probe', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const { page, problems } = await visit('/');
    const run = page.locator('.probe[data-probe="basics/hello"] .variant[data-variant="built-on-glibc"] .run[data-env="musl-trixie"]');
    await run.locator('details.prov-more summary').click();
    const box = run.locator('details.prov-more .copyable');
    const shown = (await box.locator('pre').textContent())!;
    await box.locator('button[data-copy]').click();
    await expect.poll(() => box.locator('.copy-label').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    // Compiled on glibc, run on musl: the command uses both images and the probe's folder.
    expect(copied).toMatch(/-w \/src\/basics musl-lab\/debian-glibc:trixie-[0-9a-f]{8} gcc /);
    expect(copied).toMatch(/-v "\$out":\/probe:ro musl-lab\/musl-run:trixie-[0-9a-f]{8} sh -c '\/probe\/hello; echo "\[exit status \$\?\]" >&2'$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('copies a program output as printed', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const { page } = await visit('/');
    const box = page.locator('.probe[data-probe="basics/hello"] .variant[data-variant="default"] .run[data-env="glibc-trixie"] .copyable').first();
    await box.locator('button[data-copy]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await box.locator('pre').textContent());
    await page.close();
  });

  it("copies a probe's source as it is in c-probes/", async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const { page } = await visit('/');
    await page.locator('.probe[data-probe="basics/hello"] figure.source button[data-copy]').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trimEnd()).toBe(readFileSync(join(root, 'c-probes', 'basics', 'hello.c'), 'utf8').trimEnd());
    await page.close();
  });

  it("loads another version's output only when the reader asks for it", async () => {
    const { page, problems } = await visit('/');
    const fetched: string[] = [];
    page.on('request', (r) => r.url().includes('/results/') && fetched.push(r.url()));
    const item = page.locator('.probe[data-probe="basics/hello"] .variant[data-variant="default"] details.versions li[data-env="musl-bookworm"]');
    await page.locator('.probe[data-probe="basics/hello"] .variant[data-variant="default"] details.versions summary').click();
    expect(fetched).toEqual([]);
    await item.locator('button.version-load').click();
    const stored = (await runSession({ only: ['basics/hello'] })).records.find((r) => r.result.id === 'basics/hello:default@musl-bookworm')!.result;
    await expect.poll(() => item.locator('pre').textContent()).toBe([stored.stdout, stored.stderr && `stderr:\n${stored.stderr}`].filter(Boolean).join('\n'));
    expect(fetched).toEqual([`${site.url}/results/basics/hello/default/musl-bookworm.json`]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows another version's DNS query log on request, one line per query the run counted", async () => {
    const { page, problems } = await visit('/dns/resolver/');
    const section = page.locator('section.dns-log[data-probe="dns/dead-first"][data-variant="default"]');
    await section.locator('p.dns-others button[data-env="musl-bookworm"]').click();
    const stored = (await runSession({ only: ['dns/dead-first:default'] })).records.find((r) => r.result.id === 'dns/dead-first:default@musl-bookworm')!.result;
    const text = (await section.locator('pre[data-env="musl-bookworm"]').textContent())!;
    expect(text.split('\n')[0]).toBe(`musl ${stored.provenance.libcVersion} (${stored.provenance.suite}): ${stored.dns!.queries.length} queries`);
    expect(text.split('\n').slice(2)).toHaveLength(stored.dns!.queries.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says so when a run's details cannot load, keeps the link, and tries again when reopened", async () => {
    const page = await context.newPage();
    await page.route('**/runs/basics/hello/default/musl-trixie/', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await visit('/', page);
    const details = page.locator('.probe[data-probe="basics/hello"] .variant[data-variant="default"] .run[data-env="musl-trixie"] details.prov-more');
    await details.locator('summary').click();
    await expect.poll(() => details.locator('p.run-note').textContent()).toMatch(/^Could not load the details \(HTTP 503\): follow the link/);
    expect(await details.locator('a[data-details]').getAttribute('href')).toBe('/runs/basics/hello/default/musl-trixie/');
    await page.unroute('**/runs/basics/hello/default/musl-trixie/');
    await details.locator('summary').click();
    await details.locator('summary').click();
    await details.locator('dl').waitFor();
    expect(await details.locator('dd[data-cache]').count()).toBe(1);
    await page.close();
  });

  it('offers each run as JSON, the result the runner stored', async () => {
    const { page } = await visit('/');
    const link = page.locator('.probe[data-probe="basics/hello"] .variant[data-variant="default"] .run[data-env="musl-trixie"] a[download]');
    const href = (await link.getAttribute('href'))!;
    const response = await page.request.get(site.url + href);
    expect(response.headers()['content-type']).toMatch(/application\/json/);
    const raw = (await response.json()) as Result;
    const stored = (await runSession({ only: ['basics/hello'] })).records.find((r) => r.result.id === 'basics/hello:default@musl-trixie')!.result;
    expect(raw).toEqual(stored);
    await page.close();
  });

  it('shows where each run came from, and whether this build took it from the cache', async () => {
    const { page } = await visit('/threads/stack-size/');
    const details = page.locator('.run details.prov-more').first();
    await details.locator('summary').click();
    // Fetched from the run's page under /runs/ when opened.
    await details.locator('dl').waitFor();
    const facts = await details.locator('dl dt').allTextContents();
    expect(facts).toEqual(['Environment', 'C library', 'Compiler', 'Built with', 'Build image', 'Run image', 'Backend', 'Ran at', 'Duration', 'Cache']);
    expect(await details.locator('dd[data-cache]').getAttribute('data-cache')).toMatch(/^(hit|miss)$/);
    expect(await details.locator('code.image-id').first().textContent()).toMatch(/^sha256:[0-9a-f]{64}$/);
    await page.close();
  });
});

describe('navigation', () => {
  it('lists the parts in curriculum order, and the landing page links only to pages that exist', async () => {
    const { page } = await visit('/');
    const groups = await page.locator('nav.sidebar details > summary').allTextContents();
    const { parts } = await import('../../src/config/curriculum.mjs');
    const labels = groups.map((g) => g.trim());
    const order = parts.map(([, label]) => label).filter((label) => labels.includes(label));
    expect(labels.filter((l) => order.includes(l))).toEqual(order);
    for (const href of await page.locator('.lesson-index a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!))) {
      const response = await page.request.get(site.url + href);
      expect(response.status(), href).toBe(200);
    }
    await page.close();
  });
});
