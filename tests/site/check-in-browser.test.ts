import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite, root } from './helpers.ts';
import { assertChromium, chromiumFlags } from '../../src/site/chromium.ts';
import { serveDist, type ServedSite } from '../../src/site/serve.ts';
import { runSession, projectPaths } from '../../src/session/session.ts';
import { fetchNpmProgram } from '../../src/runner/npm-fetch.ts';
import type { RunRecord } from '../../src/session/run.ts';

/**
 * The in-page checker in Debian's chromium: real binaries the site built or
 * fetched (glibc-dynamic hello, its static build, a musl build, an npm
 * prebuilt binary) given to the file input; the verdicts read from the page
 * must be check-binary's for each run, and its code and data must load only
 * once a file is given.
 */
let site: ServedSite;
let browser: Browser;
let records: RunRecord[];
let session: Awaited<ReturnType<typeof runSession>>;

beforeAll(async () => {
  await buildSite();
  session = await runSession({});
  records = session.records.filter((r) => r.check && r.result.compile.ok);
  site = await serveDist(root);
  browser = await chromium.launch({ executablePath: assertChromium(), args: chromiumFlags });
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** The program's path on this machine (by path, not bytes: Node's binary is over playwright's 50 MB buffer limit). */
async function fileOf(r: RunRecord): Promise<string> {
  const spec = r.spec.compile;
  const out = spec.probe.build.kind === 'npm' ? await fetchNpmProgram(spec.probe, projectPaths().cacheDir) : await session.backend!.compile(spec);
  return `${out.binaryDir}/${r.spec.probe.program}`;
}

async function verdictsFor(page: Page, file: string): Promise<Record<string, string>> {
  await page.setInputFiles('#wir-file', file);
  await page.waitForSelector(`.wir-output section[data-file="${file.split('/').pop()}"] tr[data-env]`);
  return page.$$eval('.wir-output tr[data-env]', (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.env!, (r as HTMLElement).dataset.verdict!])));
}

describe('"Will it run on Alpine?" in the browser', () => {
  it('loads nothing of the checker before a file is given, then judges real binaries as check-binary does', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/linking/check-in-browser/`, { waitUntil: 'networkidle' });
    expect(await page.textContent('.wir-privacy')).toContain('Nothing is uploaded');
    expect(requests.filter((p) => p.startsWith('/check-data/'))).toEqual([]);

    const pick = (id: string) => records.find((r) => r.result.id === id);
    const wanted = ['linking/hello:native@glibc', 'linking/which-libc:static-glibc-on-musl@musl', 'linking/musl-on-glibc/hello:run@glibc', 'npm/node:version@musl'];
    const checked: string[] = [];
    for (const id of wanted) {
      const r = pick(id) ?? records.find((x) => x.result.id.startsWith(id.split(':')[0]!));
      if (!r) continue;
      const verdicts = await verdictsFor(page, await fileOf(r));
      expect(verdicts[r.result.envId], r.result.id).toBe(r.check!.verdict);
      checked.push(r.result.id);
    }
    expect(checked.length).toBeGreaterThanOrEqual(3);
    expect(requests.some((p) => p === '/check-data/index.json')).toBe(true);
    await page.close();
  }, 300_000);

  it('says what a non-ELF file and a script are, and breaks nothing', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/linking/check-in-browser/`);
    await page.setInputFiles('#wir-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\n') });
    await page.waitForSelector('.wir-output section[data-file="notes.txt"]');
    expect(await page.textContent('.wir-description')).toContain('Not an ELF file');
    await page.setInputFiles('#wir-file', { name: 'run.sh', mimeType: 'text/plain', buffer: Buffer.from('#!/bin/bash\necho hi\n') });
    await page.waitForSelector('.wir-output section[data-file="run.sh"]');
    expect(await page.textContent('.wir-description')).toContain('A script (#!/bin/bash)');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
