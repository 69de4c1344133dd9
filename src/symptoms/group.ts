/**
 * The symptom index: every message of every run (./extract.ts), one entry per
 * distinct message, under the stage where a reader meets it. Pure: probes and
 * their results in, entries out. Nothing names a probe or an environment, so
 * new probes and new environments appear without a change here.
 */
import type { Result } from '../runner/result.ts';
import { outcomeLabel } from '../runner/result.ts';
import { symptomStages, type Symptom, type SymptomStage } from '../manifest/schema.ts';
import { extractSymptoms, type SymptomStream } from './extract.ts';

/** What the index reads of a probe: ProbeEntry (src/loader/probe-entry.ts) has all of it. */
export interface SymptomSource {
  id: string;
  title: string;
  variants: { id: string; label: string; symptom?: Symptom }[];
  environments: { id: string; label: string }[];
  results: Result[];
}

/** One run that printed a message. */
export interface Occurrence {
  probeId: string;
  probeTitle: string;
  variantId: string;
  variantLabel: string;
  envId: string;
  envLabel: string;
  /** The libc line of the run's provenance, e.g. "musl libc (x86_64) Version 1.2.3". */
  libc: string;
  /** How the run ended: "exit 127", "SIGSEGV", "compile-failed"… */
  outcome: string;
  stream: SymptomStream;
}

export interface SymptomEntry {
  message: string;
  stage: SymptomStage;
  occurrences: Occurrence[];
}

export interface StageGroup {
  stage: SymptomStage;
  entries: SymptomEntry[];
}

/** Sort key: the words, without a leading "…: " or punctuation, case-insensitive. */
function sortKey(message: string): string {
  return message.replace(/^[^A-Za-z0-9]+/, '').toLowerCase();
}

/**
 * Groups every message by its text. An entry's stage is the earliest stage
 * (in symptomStages order) of the runs that printed it; occurrences keep the
 * probes' order, then the order of the environments each probe lists.
 */
export function symptomIndex(probes: SymptomSource[]): StageGroup[] {
  const entries = new Map<string, SymptomEntry>();
  for (const probe of probes) {
    const envOrder = probe.environments.map((e) => e.id);
    const results = [...probe.results].sort((a, b) => {
      const va = probe.variants.findIndex((v) => v.id === a.variantId), vb = probe.variants.findIndex((v) => v.id === b.variantId);
      return va - vb || envOrder.indexOf(a.envId) - envOrder.indexOf(b.envId);
    });
    for (const result of results) {
      const variant = probe.variants.find((v) => v.id === result.variantId);
      for (const line of extractSymptoms(result, variant?.symptom)) {
        let entry = entries.get(line.message);
        if (!entry) {
          entry = { message: line.message, stage: line.stage, occurrences: [] };
          entries.set(line.message, entry);
        }
        if (symptomStages.indexOf(line.stage) < symptomStages.indexOf(entry.stage)) entry.stage = line.stage;
        entry.occurrences.push({
          probeId: probe.id,
          probeTitle: probe.title,
          variantId: result.variantId,
          variantLabel: variant?.label ?? result.variantId,
          envId: result.envId,
          envLabel: probe.environments.find((e) => e.id === result.envId)?.label ?? result.envId,
          libc: result.provenance.libc,
          outcome: outcomeLabel(result.outcome),
          stream: line.stream,
        });
      }
    }
  }
  return symptomStages
    .map((stage) => ({
      stage,
      entries: [...entries.values()].filter((e) => e.stage === stage).sort((a, b) => sortKey(a.message).localeCompare(sortKey(b.message)) || a.message.localeCompare(b.message)),
    }))
    .filter((g) => g.entries.length > 0);
}

/** The environments (id, label, libc) where an entry's message appeared, each once, in order of appearance. */
export function entryEnvironments(entry: SymptomEntry): { envId: string; envLabel: string; libc: string }[] {
  const seen = new Map<string, { envId: string; envLabel: string; libc: string }>();
  for (const o of entry.occurrences) {
    const key = `${o.envId}\u0000${o.libc}`;
    if (!seen.has(key)) seen.set(key, { envId: o.envId, envLabel: o.envLabel, libc: o.libc });
  }
  return [...seen.values()];
}

/** Occurrences gathered by run (probe and variant): one link per variant, with the environments it printed the message in. */
export function entryRuns(entry: SymptomEntry): { probeId: string; probeTitle: string; variantId: string; variantLabel: string; runs: Occurrence[] }[] {
  const byRun = new Map<string, { probeId: string; probeTitle: string; variantId: string; variantLabel: string; runs: Occurrence[] }>();
  for (const o of entry.occurrences) {
    const key = `${o.probeId}:${o.variantId}`;
    const found = byRun.get(key) ?? { probeId: o.probeId, probeTitle: o.probeTitle, variantId: o.variantId, variantLabel: o.variantLabel, runs: [] };
    found.runs.push(o);
    byRun.set(key, found);
  }
  return [...byRun.values()];
}

/**
 * A libc line of provenance as "glibc 2.36" or "musl 1.2.3" when it names one
 * of them with a version ("ldd (Debian GLIBC 2.36-9+deb12u10) 2.36",
 * "musl libc (x86_64) Version 1.2.3"); any other line unchanged.
 */
export function libcShort(libc: string): string {
  const glibc = /\bglibc\b[^\n]*?\)?\s(\d+\.\d+(?:\.\d+)?)\s*$/i.exec(libc) ?? /\bglibc[ -]?(\d+\.\d+(?:\.\d+)?)/i.exec(libc);
  if (glibc) return `glibc ${glibc[1]}`;
  const musl = /\bmusl\b.*?(\d+\.\d+\.\d+)/i.exec(libc);
  if (musl) return `musl ${musl[1]}`;
  return libc;
}

/** A run's environments gathered by how they ended: [{ envLabels: ["musl 1.2.3", "musl 1.2.5"], outcome: "exit 127", compiler: false }]. */
export function byOutcome(runs: Occurrence[]): { envLabels: string[]; outcome: string; compiler: boolean }[] {
  const groups = new Map<string, { envLabels: string[]; outcome: string; compiler: boolean }>();
  for (const o of runs) {
    const key = `${o.outcome}\u0000${o.stream === 'diagnostics'}`;
    const g = groups.get(key) ?? { envLabels: [], outcome: o.outcome, compiler: o.stream === 'diagnostics' };
    if (!g.envLabels.includes(o.envLabel)) g.envLabels.push(o.envLabel);
    groups.set(key, g);
  }
  return [...groups.values()];
}
