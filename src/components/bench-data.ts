/**
 * Reading benchmark summaries from runs. A benchmark probe (c-probes/bench/)
 * prints, for each metric, "metric_median=", "metric_p25=", "metric_p75=",
 * "metric_min=", "metric_max=" and "metric_samples=" lines; a plain
 * "metric=value" line (a size, a count) is read as a single value with no
 * spread. Everything a benchmark component shows comes from here.
 */
import type { ProbeEntry } from '../loader/probe-entry.ts';
import type { Result } from '../runner/result.ts';
import { outcomeLabel } from '../runner/result.ts';

// Kept free of astro:content (unlike probe-data.ts) so that tests can import it.
function readMetric(result: Result | undefined, name: string): number | null {
  if (!result) return null;
  const m = new RegExp(`^${name}=(-?[0-9.]+)\\s*$`, 'm').exec(result.stdout);
  return m ? Number(m[1]) : null;
}

function resultFor(probe: ProbeEntry, variantId: string, envId: string): Result | undefined {
  return probe.results.find((r) => r.variantId === variantId && r.envId === envId);
}

export interface Summary {
  median: number;
  p25: number | null;
  p75: number | null;
  min: number | null;
  max: number | null;
  samples: number | null;
}

/** The summary of one metric in one run; null when the run did not print it. */
export function summary(result: Result | undefined, name: string): Summary | null {
  if (!result) return null;
  const median = readMetric(result, `${name}_median`);
  if (median !== null) {
    return {
      median,
      p25: readMetric(result, `${name}_p25`),
      p75: readMetric(result, `${name}_p75`),
      min: readMetric(result, `${name}_min`),
      max: readMetric(result, `${name}_max`),
      samples: readMetric(result, `${name}_samples`),
    };
  }
  const single = readMetric(result, name);
  return single === null ? null : { median: single, p25: null, p75: null, min: null, max: null, samples: null };
}

/**
 * The summary a component asked for, or an error naming the page when an ok
 * run lacks the metric (a typo in the page, or a probe that stopped printing it).
 * A run that did not end ok has no numbers: the component shows its outcome.
 */
export function requireSummary(probe: ProbeEntry, variantId: string, envId: string, name: string, page: string): { summary: Summary | null; result: Result | undefined; note: string } {
  const result = resultFor(probe, variantId, envId);
  if (!result) return { summary: null, result, note: 'not run' };
  const s = summary(result, name);
  if (!s && result.outcome.kind === 'ok') {
    throw new Error(`UnknownMetric: the page ${page} shows metric "${name}" of ${probe.id} (${variantId}) on ${envId}, but that run printed no "${name}_median=" or "${name}=" line. Hint: metric names are the part before "_median" in the probe's output.`);
  }
  return { summary: s, result, note: s ? '' : outcomeLabel(result.outcome) };
}

/** Two summaries differ clearly when their middle halves (p25–p75) do not overlap. */
export function clearlyApart(a: Summary, b: Summary): boolean {
  const aLo = a.p25 ?? a.median, aHi = a.p75 ?? a.median;
  const bLo = b.p25 ?? b.median, bHi = b.p75 ?? b.median;
  return aHi < bLo || bHi < aLo;
}

/** Ratio a/b of medians, formatted for reading: "3.1", "0.42", "1.05". */
export function formatRatio(a: number, b: number): string {
  const r = a / b;
  return r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2);
}

/** The number as the probe printed it (already rounded there); thousands get a thin separator. */
export function formatNumber(v: number | null): string {
  if (v === null) return '—';
  return Math.abs(v) >= 10000 ? v.toLocaleString('en-US').replace(/,/g, '\u202f') : String(v);
}

/** One environment fact line: where and when a run happened. */
export function runFacts(result: Result | undefined): { date: string; kernel: string; nproc: number | null; quota: number | null; compile: string } | null {
  if (!result) return null;
  return {
    date: result.provenance.ranAt.slice(0, 16).replace('T', ' ') + ' UTC',
    kernel: result.provenance.kernel,
    nproc: readMetric(result, 'nproc'),
    quota: readMetric(result, 'cpu_quota'),
    compile: result.provenance.compileCommand.join(' '),
  };
}
