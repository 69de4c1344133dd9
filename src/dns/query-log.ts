import { z } from 'zod';

/** One query as the scenario server saw it: the facts a page and an expectation count. */
export const queryLogEntrySchema = z.object({
  /** Milliseconds since the server was ready (0.1 ms resolution). */
  t: z.number(),
  /** The nameserver address that received it. */
  server: z.string(),
  transport: z.enum(['udp', 'tcp']),
  /** Query name as sent, without the trailing dot. */
  name: z.string(),
  /** Query type, e.g. "A", "AAAA". */
  type: z.string(),
  /** The query carried an EDNS OPT record. */
  edns: z.boolean(),
  /** What the server did: the rcode it answered ("NOERROR", "NXDOMAIN"...), or "drop"/"silent" for no answer. */
  answer: z.string(),
  /** The answer was cut to fit UDP and carried the TC bit. */
  truncated: z.boolean(),
  /** Records in the answer section sent. */
  records: z.number().int(),
});
export type QueryLogEntry = z.infer<typeof queryLogEntrySchema>;

export const dnsRunSchema = z.object({
  /** Scenario id (file name under c-probes/dns/scenarios/). */
  scenario: z.string(),
  /** Every query received, in arrival order. */
  queries: z.array(queryLogEntrySchema),
  /** More queries arrived than the log keeps. */
  truncated: z.boolean(),
});
export type DnsRun = z.infer<typeof dnsRunSchema>;

/** The log keeps at most this many queries: a runaway probe must not bloat a result. */
export const maxLoggedQueries = 2000;

/** Reads the server's JSON-lines log; unparseable lines (a server killed mid-write) are skipped. */
export function parseQueryLog(text: string): { queries: QueryLogEntry[]; truncated: boolean } {
  const queries: QueryLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = queryLogEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) queries.push(parsed.data);
    } catch {
      // a partial last line
    }
  }
  queries.sort((a, b) => a.t - b.t);
  return { queries: queries.slice(0, maxLoggedQueries), truncated: queries.length > maxLoggedQueries };
}
