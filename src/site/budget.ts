/**
 * The site's budget: Lighthouse scores per page and the JavaScript each page
 * loads, gzip-compressed, checked against the limits below. Pure: the caller
 * measures (scripts/budget.ts) and this module judges and formats.
 */
import { gzipSync } from 'node:zlib';

export const limits = {
  performance: 98,
  accessibility: 100,
  /** KiB of JavaScript (gzip) a page loads, without and with charts. */
  jsKib: 10,
  jsKibWithCharts: 70,
};

export interface PageMeasure {
  path: string;
  performance: number;
  accessibility: number;
  /** Failed accessibility audits, by id. */
  failedAudits: string[];
  /** Gzip bytes of each script the page loaded (files and inline scripts). */
  scripts: Array<{ name: string; gzipBytes: number }>;
  hasCharts: boolean;
}

export function gzipBytes(text: string | Buffer): number {
  return gzipSync(text, { level: 9 }).length;
}

/** Inline scripts of a page (executable ones, not JSON data blocks). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs = '']) => !/\bsrc=/.test(attrs) && !/type="application\/(ld\+)?json"/.test(attrs))
    .map(([, , body]) => body!)
    .filter((body) => body.trim().length > 0);
}

export function hasCharts(html: string): boolean {
  return /<figure class="(probe-chart|bench-chart)/.test(html);
}

export const jsKib = (m: PageMeasure) => m.scripts.reduce((sum, s) => sum + s.gzipBytes, 0) / 1024;

export function problems(m: PageMeasure): string[] {
  const out: string[] = [];
  if (m.performance < limits.performance) out.push(`performance ${m.performance} < ${limits.performance}`);
  if (m.accessibility < limits.accessibility) out.push(`accessibility ${m.accessibility} < ${limits.accessibility} (failed: ${m.failedAudits.join(', ') || 'none listed'})`);
  const limit = m.hasCharts ? limits.jsKibWithCharts : limits.jsKib;
  if (jsKib(m) > limit) out.push(`JavaScript ${jsKib(m).toFixed(1)} KiB > ${limit} KiB`);
  return out;
}

/** A Markdown table, one row per page, with a verdict per row. */
export function formatTable(measures: PageMeasure[]): string {
  const rows = [
    '| page | performance | accessibility | JS (gzip) | charts | JS limit | verdict |',
    '|---|---:|---:|---:|:---:|---:|---|',
    ...measures.map((m) => {
      const p = problems(m);
      return `| ${m.path} | ${m.performance} | ${m.accessibility} | ${jsKib(m).toFixed(1)} KiB | ${m.hasCharts ? 'yes' : 'no'} | ${m.hasCharts ? limits.jsKibWithCharts : limits.jsKib} KiB | ${p.length ? `over: ${p.join('; ')}` : 'ok'} |`;
    }),
  ];
  return rows.join('\n');
}
