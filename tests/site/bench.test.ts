import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, inProject, root } from './helpers.ts';
import { runSession } from '../../src/session/session.ts';
import type { Result } from '../../src/runner/result.ts';
import { summary, clearlyApart, formatRatio } from '../../src/components/bench-data.ts';

// The benchmarks page: every number in its tables is the one the run printed.
let results: Result[];
let html: string;

beforeAll(async () => {
  const session = await runSession({ only: ['bench'] });
  results = session.records.map((r) => r.result);
  await buildSite();
  html = readFileSync(join(root, 'dist', 'benchmarks', 'glibc-vs-musl', 'index.html'), 'utf8');
});

function printed(result: Result, name: string): number | null {
  const m = new RegExp(`^${name}=(-?[0-9.]+)\\s*$`, 'm').exec(result.stdout);
  return m ? Number(m[1]) : null;
}

describe('the benchmarks page', () => {
  it('shows in each chart table the median each run printed', () => {
    const figures = [...html.matchAll(/<figure class="bench-chart[^"]*" data-probe="([^"]+)"[\s\S]*?<\/figure>/g)];
    expect(figures.length).toBeGreaterThan(10);
    let cells = 0;
    for (const figure of figures) {
      const probe = figure[1]!;
      for (const group of figure[0].matchAll(/<tbody data-variant="([^"]+)" data-metric="([^"]+)"[^>]*>([\s\S]*?)<\/tbody>/g)) {
        const [, variant, metric, body] = group;
        for (const row of body!.matchAll(/<tr data-env="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
          const env = row[1]!;
          const result = results.find((r) => r.probeId === probe && r.variantId === variant && r.envId === env);
          expect(result, `${probe}:${variant}@${env}`).toBeDefined();
          const expected = printed(result!, `${metric}_median`) ?? printed(result!, metric!);
          const shown = /data-value="([^"]+)"/.exec(row[2]!)?.[1];
          expect(Number(shown), `${probe}:${variant}@${env} ${metric}`).toBe(expected);
          cells++;
        }
      }
    }
    expect(cells).toBeGreaterThan(40);
  });

  it('says where and when the runs happened, and leaves out what it does not measure', () => {
    expect(html).toMatch(/kernel [^,<]+, \d+ CPUs online/);
    expect(html).toContain('valgrind is in neither environment image');
    expect(html).toContain('DNS lookup latency');
  });
});

describe('bench-data', () => {
  const run = (stdout: string) => ({ stdout }) as unknown as Result;

  it('reads a summary, or a single value without spread', () => {
    expect(summary(run('x_median=2\nx_p25=1\nx_p75=3\nx_min=0.5\nx_max=9\nx_samples=7\n'), 'x')).toEqual({ median: 2, p25: 1, p75: 3, min: 0.5, max: 9, samples: 7 });
    expect(summary(run('size_kib=41.6\n'), 'size_kib')).toEqual({ median: 41.6, p25: null, p75: null, min: null, max: null, samples: null });
    expect(summary(run('other=1\n'), 'x')).toBeNull();
  });

  it('calls two results apart only when their middle halves do not overlap', () => {
    const s = (p25: number, median: number, p75: number) => ({ median, p25, p75, min: null, max: null, samples: 5 });
    expect(clearlyApart(s(1, 2, 3), s(4, 5, 6))).toBe(true);
    expect(clearlyApart(s(1, 2, 4.5), s(4, 5, 6))).toBe(false);
    expect(formatRatio(33, 10.5)).toBe('3.1');
    expect(formatRatio(1, 8)).toBe('0.13');
    expect(formatRatio(4374, 153)).toBe('29');
  });
});
