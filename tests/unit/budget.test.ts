import { describe, it, expect } from 'vitest';
import { formatTable, hasCharts, inlineScripts, jsKib, problems, type PageMeasure } from '../../src/site/budget.ts';

const page = (over: Partial<PageMeasure> = {}): PageMeasure => ({
  path: '/x/',
  performance: 100,
  accessibility: 100,
  failedAudits: [],
  scripts: [{ name: 'a.js', gzipBytes: 2048 }],
  hasCharts: false,
  ...over,
});

describe('site budget', () => {
  it('counts executable inline scripts, not JSON data blocks or external files', () => {
    const html = '<script>a()</script><script type="application/json">{"x":1}</script><script type="module" src="/m.js"></script><script is:inline type="module">b()</script>';
    expect(inlineScripts(html)).toEqual(['a()', 'b()']);
  });
  it('knows pages with charts, which have the larger JavaScript limit', () => {
    expect(hasCharts('<figure class="probe-chart" data-probe="x">')).toBe(true);
    expect(hasCharts('<figure class="bench-chart bench-wide">')).toBe(true);
    expect(hasCharts('<figure class="probe-output">')).toBe(false);
    expect(problems(page({ scripts: [{ name: 'c.js', gzipBytes: 60 * 1024 }], hasCharts: true }))).toEqual([]);
    expect(problems(page({ scripts: [{ name: 'c.js', gzipBytes: 60 * 1024 }] }))).toEqual(['JavaScript 60.0 KiB > 10 KiB']);
  });
  it('names each score under its limit, with the failed accessibility audits', () => {
    expect(problems(page({ performance: 97, accessibility: 92, failedAudits: ['color-contrast'] }))).toEqual([
      'performance 97 < 98',
      'accessibility 92 < 100 (failed: color-contrast)',
    ]);
  });
  it('prints one table row per page with its verdict', () => {
    const table = formatTable([page(), page({ path: '/y/', performance: 90 })]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toBe('| /x/ | 100 | 100 | 2.0 KiB | no | 10 KiB | ok |');
    expect(table[3]).toMatch(/^\| \/y\/ \| 90 .*over: performance 90 < 98 \|$/);
    expect(jsKib(page())).toBe(2);
  });
});
