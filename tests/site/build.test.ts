import { defaultPair } from '../../src/config/environments.ts';
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, inProject, root } from './helpers.ts';

// The real site: probes run (or come from the cache), then astro build.
type JsonRun = { probe: string; variant: string; env: string; outcome: string; exitCode: number | null; signal: string | null; cached: boolean };
let report: { runs: JsonRun[]; totals: { executed: number } };

beforeAll(async () => {
  const probes = await inProject(root, 'node', ['scripts/probes.ts', '--json']);
  expect(probes.exitCode, probes.stderr).toBe(0);
  report = JSON.parse(probes.stdout);
  await buildSite();
});

/** Cells of the outcome table that the thread-stack page shows for the sweep. */
function sweepCells(html: string): Array<{ variant: string; env: string; outcome: string; label: string }> {
  const table = /<table class="matrix" data-probe="thread-stack\/sweep"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const cells: Array<{ variant: string; env: string; outcome: string; label: string }> = [];
  for (const row of table.matchAll(/<tr data-variant="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    for (const cell of row[2]!.matchAll(/<td data-env="([^"]+)" data-outcome="([^"]+)">([\s\S]*?)<\/td>/g)) {
      const label = /<span[^>]*>([^<]*)<\/span>/.exec(cell[3]!)?.[1] ?? '';
      cells.push({ variant: row[1]!, env: cell[1]!, outcome: cell[2]!, label });
    }
  }
  return cells;
}

describe('the built site', () => {
  it('shows every sweep size, in each environment of the default pair, with the outcome the runner reported', () => {
    const html = readFileSync(join(root, 'dist', 'threads', 'stack-size', 'index.html'), 'utf8');
    const cells = sweepCells(html);
    // The table shows the default pair; the other versions are listed under the probe.
    const runs = report.runs.filter((r) => r.probe === 'thread-stack/sweep' && defaultPair().includes(r.env));
    expect(runs.length).toBeGreaterThan(0);
    expect(cells.length).toBe(runs.length);
    for (const run of runs) {
      const cell = cells.find((c) => c.variant === run.variant && c.env === run.env);
      expect(cell, `${run.variant}@${run.env}`).toBeDefined();
      expect(cell!.outcome).toBe(run.outcome);
      const label = run.outcome === 'signal' ? run.signal : run.outcome === 'exit' ? `exit ${run.exitCode}` : run.outcome;
      expect(cell!.label).toBe(label);
    }
  });

  it('draws the default-stack chart from the runs, with a table of the same numbers', () => {
    const html = readFileSync(join(root, 'dist', 'threads', 'stack-size', 'index.html'), 'utf8');
    expect(html).toMatch(/<figure class="probe-chart" data-probe="thread-stack\/default-size"/);
    expect(html).toMatch(/<canvas role="img"/);
    expect(html).toMatch(/data-value="\d+"/);
  });

  it('escapes program output instead of injecting it as markup', () => {
    const html = readFileSync(join(root, 'dist', 'threads', 'stack-size', 'index.html'), 'utf8');
    expect(html).toContain('thread will use 1024 KiB of its stack');
  });

  it('executes 0 runs when built again with nothing changed, and says so', async () => {
    const again = await inProject(root, 'npm', ['run', 'build']);
    expect(again.exitCode, again.all).toBe(0);
    expect(again.all).toMatch(/0 executed/);
    expect(again.all).toMatch(/Nothing changed: 0 runs executed/);
  });
});

describe('output shown as printed', () => {
  it('escapes HTML, shows ANSI escapes as ␛ and invalid bytes as �', () => {
    const html = readFileSync(join(root, 'dist', 'about', 'results', 'index.html'), 'utf8');
    expect(html).toMatch(/<pre class="out"[^>]*>&lt;b&gt;this is not bold&lt;\/b&gt;/);
    // The raw tag may appear only inside an attribute (the copy button's data), never as an element.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<b>this is not bold</b>');
    expect(html).toContain('␛[31mthis is not red␛[0m');
    expect(html).toContain('an invalid byte: \ufffd');
    expect(html).toContain('not valid UTF-8');
  });
});

describe('status page', () => {
  it('lists every run of the report, by probe variant and environment, with its cache state', () => {
    const html = readFileSync(join(root, 'dist', 'about', 'status', 'index.html'), 'utf8');
    expect(html).toMatch(/data-status="totals"/);
    // A grid: a row per probe variant, a column per environment, each cell the run's outcome and time.
    const grid = /<table class="matrix run-grid">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const envs = [...(/<thead>([\s\S]*?)<\/thead>/.exec(grid)?.[1] ?? '').matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]!).slice(1);
    const rows = new Map([...grid.matchAll(/<tr><th scope="row"><code>([^<]+)<\/code><\/th>([\s\S]*?)<\/tr>/g)].map((m) => [m[1]!, [...m[2]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!)]));
    expect(rows.size).toBe(new Set(report.runs.map((r) => `${r.probe}:${r.variant}`)).size);
    for (const run of report.runs) {
      const cell = rows.get(`${run.probe}:${run.variant}`)?.[envs.indexOf(run.env)] ?? '';
      const label = run.outcome === 'exit' ? `exit ${run.exitCode}` : run.outcome === 'signal' ? run.signal : run.outcome;
      expect(cell, `${run.probe}:${run.variant}@${run.env}`).toMatch(new RegExp(`^${label} `));
      expect(cell.includes('<strong>ran</strong>'), `${run.probe}:${run.variant}@${run.env}`).toBe(!run.cached);
    }
  });
});

describe('the DNS lesson', () => {
  /** Query rows the page's log shows for one probe variant and environment. */
  function logRows(html: string, probe: string, variant: string, env: string): number {
    const section = new RegExp(`<section class="dns-log"[^>]*data-probe="${probe}" data-variant="${variant}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    const run = new RegExp(`<div class="dns-run"[^>]*data-env="${env}"[\\s\\S]*?</div>`).exec(section)?.[0] ?? '';
    return [...run.matchAll(/<tr>\s*<td class="num"/g)].length;
  }

  it('shows the query log of the default pair with as many rows as the run counted queries, and offers the other versions\' logs on request', () => {
    // dns/dead-first is on the resolver lesson, dns/search on the search-domains one.
    const pages: Record<string, string> = { 'dns/dead-first': 'resolver', 'dns/search': 'search-domains' };
    const html = Object.fromEntries(Object.entries(pages).map(([probe, page]) => [probe, readFileSync(join(root, 'dist', 'dns', page, 'index.html'), 'utf8')]));
    const runs = (report.runs as Array<JsonRun & { dnsQueries?: number }>).filter((r) => r.probe in pages);
    const inPage = new Set(defaultPair());
    expect(runs.filter((r) => inPage.has(r.env)).length).toBeGreaterThan(0);
    expect(runs.filter((r) => !inPage.has(r.env)).length).toBeGreaterThan(0);
    for (const run of runs) {
      const where = `${run.probe}:${run.variant}@${run.env}`;
      expect(run.dnsQueries, run.probe).toBeTypeOf('number');
      if (inPage.has(run.env)) {
        expect(logRows(html[run.probe]!, run.probe, run.variant, run.env), where).toBe(run.dnsQueries);
      } else {
        const section = new RegExp(`<section class="dns-log"[^>]*data-probe="${run.probe}" data-variant="${run.variant}"[\\s\\S]*?</section>`).exec(html[run.probe]!)?.[0] ?? '';
        expect(section, where).toMatch(new RegExp(`<p class="dns-others" data-json="/results/${run.probe}/${run.variant}/">[\\s\\S]*?<button type="button" class="version-load" data-env="${run.env}">`));
        expect(logRows(html[run.probe]!, run.probe, run.variant, run.env), where).toBe(0);
      }
    }
  });
});

describe('page weight', () => {
  it('keeps every page at or under 150 KiB of HTML, however many environments and runs it has', () => {
    const dist = join(root, 'dist');
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html') && !f.startsWith('runs/'));
    const sizes = pages.map((f) => ({ page: f, kib: statSync(join(dist, f)).size / 1024 })).sort((a, b) => b.kib - a.kib);
    console.log(`heaviest pages: ${sizes.slice(0, 5).map((s) => `${s.page} ${s.kib.toFixed(1)} KiB`).join(', ')}`);
    expect(sizes.filter((s) => s.kib > 150).map((s) => s.page)).toEqual([]);
  });

  it("publishes each run's details as a small page of its own, which the lesson only links", () => {
    const run = readFileSync(join(root, 'dist', 'runs', 'basics', 'hello', 'default', 'musl-trixie', 'index.html'), 'utf8');
    expect(run).toContain('<div class="run-details">');
    expect(run).toMatch(/<dt>Run image<\/dt><dd><code>musl-lab\/musl-run:trixie-[0-9a-f]{8}<\/code>/);
    expect(run).toContain('Reproduce, from a musl-lab checkout');
    const home = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('<a href="/runs/basics/hello/default/musl-trixie/" data-details>');
    expect(home).not.toContain('class="run-details"');
  });
});

