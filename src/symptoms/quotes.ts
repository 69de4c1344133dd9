/**
 * Messages a lesson quotes in its prose, marked <Symptom text="…" />, must be
 * what a run printed: this keeps the prose in step with the results (the
 * component checks it at build time, tests/site/symptoms.test.ts over every
 * lesson). Pure: lesson text and run outputs in, problems out.
 */
import { normaliseMessage } from './extract.ts';

export interface Quote {
  /** Lesson file relative to the project root. */
  file: string;
  line: number;
  text: string;
}

const quoteTag = /<Symptom\b[^>]*?\btext=(?:"([^"]*)"|'([^']*)')[^>]*>/g;

/** Every <Symptom text="…" /> of one lesson (double or single quotes). */
export function findQuotes(file: string, text: string): Quote[] {
  return [...text.matchAll(quoteTag)].map((m) => ({
    file,
    line: text.slice(0, m.index).split('\n').length,
    text: m[1] ?? m[2] ?? '',
  }));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * What quotes are checked against: each run's raw output (stdout, stderr, the
 * compiler's diagnostics) and its normalised messages (so a quote may use the
 * index's "…" for a path).
 */
export function quotableTexts(results: { stdout: string; stderr: string; compile: { diagnostics: string } }[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    for (const text of [r.stdout, r.stderr, r.compile.diagnostics]) {
      if (!text) continue;
      out.push(squash(text));
      for (const line of text.split('\n')) if (line.trim()) out.push(normaliseMessage(line));
    }
  }
  return out;
}

/** True when some run printed the quote (whitespace runs count as one space). */
export function quoteFound(quote: string, texts: string[]): boolean {
  const q = squash(quote);
  return q.length > 0 && texts.some((t) => t.includes(q));
}

/** One line per quote that no run printed, naming the lesson and line. */
export function checkQuotes(quotes: Quote[], texts: string[]): string[] {
  return quotes
    .filter((q) => !quoteFound(q.text, texts))
    .map((q) => `${q.file}:${q.line}: <Symptom text="${q.text}"> quotes a message that no probe run printed`);
}

/** A short stable id for a message, for its entry's anchor on the symptom page ("m-" and 8 hex digits, FNV-1a). */
export function messageAnchor(message: string): string {
  let h = 0x811c9dc5;
  for (const ch of message) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `m-${h.toString(16).padStart(8, '0')}`;
}
