import { defaultPair } from '../../src/config/environments.ts';
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
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
  it('lists every run of the report with its cache state', () => {
    const html = readFileSync(join(root, 'dist', 'about', 'status', 'index.html'), 'utf8');
    for (const run of report.runs.slice(0, 5)) expect(html).toContain(`${run.probe}:${run.variant}@${run.env}`);
    expect(html).toMatch(/data-status="totals"/);
  });
});

describe('the DNS lesson', () => {
  /** Query rows the page's log shows for one probe variant and environment. */
  function logRows(html: string, probe: string, variant: string, env: string): number {
    const section = new RegExp(`<section class="dns-log"[^>]*data-probe="${probe}" data-variant="${variant}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    const run = new RegExp(`<div class="dns-run"[^>]*data-env="${env}"[\\s\\S]*?</div>`).exec(section)?.[0] ?? '';
    return [...run.matchAll(/<tr>\s*<td class="num"/g)].length;
  }

  it('shows each query log with as many rows as the run counted queries', () => {
    const html = readFileSync(join(root, 'dist', 'dns', 'resolver', 'index.html'), 'utf8');
    const runs = (report.runs as Array<JsonRun & { dnsQueries?: number }>).filter((r) => r.probe === 'dns/dead-first' || r.probe === 'dns/search');
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.dnsQueries, run.probe).toBeTypeOf('number');
      expect(logRows(html, run.probe, run.variant, run.env), `${run.probe}:${run.variant}@${run.env}`).toBe(run.dnsQueries);
    }
  });
});
