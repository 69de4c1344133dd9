/**
 * How a query log shows one query's transport and answer: the page's table (DnsQueryLog.astro)
 * and another version's log loaded on request (version-load.ts) print the same words. No imports:
 * the browser bundle takes it as it is.
 */
export interface LoggedQuery { transport: string; edns?: boolean; answer: string; records?: number; truncated?: boolean }

/** "udp", or "udp+edns" when the query carried an EDNS record. */
export const viaText = (q: LoggedQuery): string => q.transport + (q.edns ? '+edns' : '');

/** "NOERROR (3)", "SERVFAIL", "no answer" (silent or dropped), with " TC" when the reply was truncated. */
export const answerText = (q: LoggedQuery): string =>
  (q.answer === 'silent' || q.answer === 'drop' ? 'no answer' : q.answer === 'NOERROR' ? `NOERROR (${q.records})` : q.answer) + (q.truncated ? ' TC' : '');
