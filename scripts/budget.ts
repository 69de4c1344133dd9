// npm run budget -- [--page /path/] [--desktop] [--json]
// Serves dist/ on loopback, runs Lighthouse (performance, accessibility) on every
// page with Debian's chromium, measures the JavaScript each page loads (gzip) and
// prints a table against the budget. Exits 1 when a page is over.
import { parseArgs } from 'node:util';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { projectPaths } from '../src/session/session.ts';
import { assertChromium, chromiumFlags } from '../src/site/chromium.ts';
import { serveDist } from '../src/site/serve.ts';
import { exitWhenFlushed, runMain } from '../src/cli/run-main.ts';
import { formatTable, gzipBytes, hasCharts, inlineScripts, limits, problems, type PageMeasure } from '../src/site/budget.ts';

const { values } = parseArgs({
  options: {
    page: { type: 'string', multiple: true },
    desktop: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`npm run budget -- [--page /path/]... [--desktop] [--json]

Runs Lighthouse on every page of the built site (dist/; build it first with npm run build)
with /usr/bin/chromium (or CHROME_PATH), Lighthouse's default mobile profile and simulated
throttling (--desktop: its desktop profile), and prints per page: performance, accessibility
and the JavaScript the page loads, gzip -9. Budget: performance >= ${limits.performance},
accessibility ${limits.accessibility}, JavaScript <= ${limits.jsKib} KiB (${limits.jsKibWithCharts} KiB on pages with charts).
`);
  await exitWhenFlushed(0);
}

const root = projectPaths().root;
const dist = join(root, 'dist');

function pages(): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    // Not the runs' details under /runs/: fragments that lessons fetch when a reader opens them.
    .filter((f) => f.endsWith('index.html') && !f.startsWith('runs/'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort();
}

async function main(): Promise<number> {
  const chromePath = assertChromium();
  const site = await serveDist(root);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumFlags] });
  const measures: PageMeasure[] = [];
  try {
    const list = values.page ?? pages();
    for (const [i, path] of list.entries()) {
      process.stderr.write(`[${i + 1}/${list.length}] ${path}\n`);
      const run = await lighthouse(
        site.url + path,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        values.desktop ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined,
      );
      const lhr = run!.lhr;
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      const requests = ((lhr.audits['network-requests']?.details as { items?: Array<{ url: string; resourceType?: string }> })?.items ?? []);
      const files = requests
        .filter((r) => r.resourceType === 'Script' && r.url.startsWith(site.url))
        .map((r) => new URL(r.url).pathname);
      const a11y = lhr.categories.accessibility!;
      measures.push({
        path,
        performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
        accessibility: Math.round((a11y.score ?? 0) * 100),
        failedAudits: a11y.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id),
        scripts: [
          ...files.map((f) => ({ name: f, gzipBytes: gzipBytes(readFileSync(join(dist, f))) })),
          ...inlineScripts(html).map((body, k) => ({ name: `inline #${k + 1}`, gzipBytes: gzipBytes(body) })),
        ],
        hasCharts: hasCharts(html),
      });
    }
  } finally {
    chrome.kill();
    await site.stop();
  }
  if (values.json) process.stdout.write(JSON.stringify(measures, null, 2) + '\n');
  else {
    process.stdout.write(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${values.desktop ? 'desktop' : 'mobile'} profile, simulated throttling; Chromium at ${chromePath}\n\n`);
    process.stdout.write(formatTable(measures) + '\n');
  }
  const over = measures.filter((m) => problems(m).length > 0);
  if (over.length) {
    process.stderr.write(`\nbudget: ${over.length} of ${measures.length} pages over the budget (see the table).\n`);
    return 1;
  }
  process.stderr.write(`\nbudget: all ${measures.length} pages within the budget.\n`);
  return 0;
}

// Exit 1: a page over the budget; 2: the budget could not be measured.
runMain(main, 2);
