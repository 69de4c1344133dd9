import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildSite, root } from './helpers.ts';
import { assertChromium, chromiumFlags } from '../../src/site/chromium.ts';
import { serveDist, type ServedSite } from '../../src/site/serve.ts';
import { runSession } from '../../src/runner/session.ts';
import type { Result } from '../../src/runner/result.ts';

// The built site in a real browser (Debian's chromium), served from dist/ on loopback.
let site: ServedSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  await buildSite();
  site = await serveDist(root);
  browser = await chromium.launch({ executablePath: assertChromium(), args: chromiumFlags });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** Every page of dist/ as a URL path, e.g. "/threads/stack-size/". */
function pagePaths(): string[] {
  const dist = join(root, 'dist');
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${relative(dist, join(dist, f)).replace(/index\.html$/, '')}`)
    .sort();
}

/** Opens a page, noting console errors, page errors, failed requests and every request that leaves the site. */
async function visit(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()} (${m.location().url})`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => !r.url().startsWith(site.url) && !r.url().startsWith('data:') && problems.push(`off-site request: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  const response = await page.goto(site.url + path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return { page, problems };
}

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

describe('search', () => {
  /** A word that a program printed and that appears nowhere else on any page: only the index of outputs can find it. */
  function wordOnlyInOutput(): { word: string; path: string } {
    const seen = new Map<string, Set<string>>();
    const prose: string[] = [];
    for (const path of pagePaths()) {
      const html = readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');
      const body = html.slice(html.indexOf('data-pagefind-body'));
      const outputs = [...body.matchAll(/<pre class="out"[^>]*>([\s\S]*?)<\/pre>/g)].map((m) => m[1]!);
      prose.push(body.replace(/<pre class="out"[^>]*>[\s\S]*?<\/pre>/g, ' ').replace(/<[^>]+>/g, ' ').toLowerCase());
      for (const out of outputs) for (const word of out.match(/\b[A-Za-z]{6,}\b/g) ?? []) seen.set(word, (seen.get(word) ?? new Set()).add(path));
    }
    const all = prose.join(' ');
    const found = [...seen].filter(([word, paths]) => paths.size === 1 && !all.includes(word.toLowerCase())).sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
    expect(found.length, 'no word appears only in program output').toBeGreaterThan(0);
    return { word: found[0]![0], path: [...found[0]![1]][0]! };
  }

  it('finds text that appears only in a probe output', async () => {
    const { word, path } = wordOnlyInOutput();
    const { page, problems } = await visit('/');
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.waitForLoadState('networkidle');
    // Pagefind's UI and index load only when the reader reaches for search.
    expect(loaded.filter((p) => /pagefind|ui-core/.test(p))).toEqual([]);
    await page.click('button[data-open-modal]');
    await page.fill('.pagefind-ui__search-input', word);
    const links = page.locator('.pagefind-ui__result-link');
    await expect.poll(() => links.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs, `searching "${word}"`).toContain(path);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens with Ctrl+K, ready to type', async () => {
    const { page, problems } = await visit('/about/results/');
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('pagefind-ui__search-input');
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
    expect(copied).toMatch(/-w \/src\/basics musl-lab\/debian-glibc:bookworm gcc /);
    expect(copied).toMatch(/-v "\$out":\/probe:ro musl-lab\/musl-run:1\.2\.3 sh -c '\/probe\/hello; echo "\[exit status \$\?\]" >&2'$/);
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
    await page.locator('.probe[data-probe="basics/hello"] .expressive-code .copy button').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trimEnd()).toBe(readFileSync(join(root, 'c-probes', 'basics', 'hello.c'), 'utf8').trimEnd());
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
